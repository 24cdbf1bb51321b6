package dev.berth.storage.s3;

import dev.berth.testkit.api.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A GET over a plain socket, so that a test can stop reading or see the connection cut. */
final class RawGet implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final long contentLength;

    private RawGet(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.contentLength = RawHttp.contentLength(RawHttp.readHead(in));
    }

    static RawGet of(int port, String range) throws IOException {
        return send(new Socket("127.0.0.1", port), range);
    }

    /** The next GET on this one's connection, once this one's body was read whole. */
    RawGet again(String range) throws IOException {
        return send(socket, range);
    }

    private static RawGet send(Socket socket, String range) throws IOException {
        String query = range == null ? "" : "?range=" + range;
        socket.getOutputStream()
                .write(("GET /" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return new RawGet(socket);
    }

    long contentLength() {
        return contentLength;
    }

    /** The body; read it no further than the Content-Length, the connection stays open. */
    InputStream body() {
        return new InputStream() {
            private long left = contentLength;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int read = in.read(into, offset, (int) Math.min(length, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }
        };
    }

    /** Reads until the server closes or resets the connection; the bytes read. */
    long readToCut() {
        return RawHttp.readToCut(in);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
