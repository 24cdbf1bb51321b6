package dev.berth.testkit.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Requests written byte for byte, for what an HTTP client would normalise, refuse or not send. */
public final class RawHttp {
    private RawHttp() {}

    /** The status code, head and body of a response. */
    public record Response(int status, String head, String body) {
        public boolean closesConnection() {
            return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    /** Sends {@code method target} with an empty body and answers the response's status code. */
    public static int status(int port, String method, String target) {
        return send(port, method + " " + target, "Content-Length: 0").status();
    }

    /**
     * Sends a request head (request line without the version, then header lines) and no body, and
     * reads one response: its head, then as many body bytes as its Content-Length says.
     */
    public static Response send(int port, String requestLine, String... headers) {
        StringBuilder head = new StringBuilder(requestLine)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return exchange(port, head.toString());
    }

    /** Writes {@code request} exactly as given and reads one response. */
    public static Response exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a request head and then only the first {@code sent} bytes of {@code body}, waits
     * {@code before} dropping the connection: a client that lost its network midway.
     */
    public static void sendAndDrop(
            int port, String requestLine, byte[] body, int sent, Duration before, String... headers) {
        StringBuilder head = new StringBuilder(requestLine)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Content-Length: ")
                .append(body.length)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body, 0, sent);
            socket.getOutputStream().flush();
            Thread.sleep(before.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one response from {@code in}: its head, then as many body bytes as its Content-Length says. */
    public static Response read(InputStream in) throws IOException {
        String text = readHead(in);
        return new Response(
                Integer.parseInt(text.split(" ", 3)[1]),
                text,
                new String(in.readNBytes((int) contentLength(text)), StandardCharsets.UTF_8));
    }

    /** Reads a response head off {@code in}, up to and including the empty line that ends it. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(c);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Reads until the server ends the stream or resets the connection; answers the bytes read. */
    public static long readToCut(InputStream in) {
        long read = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException reset) {
            // A reset is as good a cut as an early end of stream.
        }
        return read;
    }

    /** The Content-Length a response head declares, 0 when it declares none. */
    public static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }
}
