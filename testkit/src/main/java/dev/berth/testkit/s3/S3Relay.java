package dev.berth.testkit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes TCP connections through to an S3 server, byte for byte, until {@link #cut()} breaks every
 * connection open at that moment: how a test makes S3 fail in the middle of a response body, which
 * a server that is stopped would rather finish or refuse outright. A client that signs its
 * requests for the relay's address is served as if it talked to the server itself. It also counts
 * the requests that pass ({@link #requests()}), whatever client sent them.
 */
public final class S3Relay implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong fromServer = new AtomicLong();
    private final S3RequestLog log = new S3RequestLog();

    public S3Relay(URI server) throws IOException {
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "s3-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where clients connect instead of the server. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** {@code bucket} as reached through this relay. */
    public S3Bucket relayed(S3Bucket bucket) {
        return new S3Bucket(
                endpoint(), bucket.name(), bucket.region(), bucket.prefix(), bucket.accessKey(), bucket.secretKey());
    }

    /** Closes both ends of every connection passing through now; new connections pass again. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /**
     * Sockets of connections passing through that are not closed yet: two per connection (the
     * client's and the relay's own to the server), closed together when either side closes.
     */
    public long openSockets() {
        return open.stream().filter(socket -> !socket.isClosed()).count();
    }

    /** The requests clients sent through this relay, by kind. */
    public S3RequestLog requests() {
        return log;
    }

    /** Bytes the server sent that were passed on to clients, over every connection so far. */
    public long bytesFromServer() {
        return fromServer.get();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                S3RequestLog.Connection requests = log.connection();
                pump(client, server, "s3-relay-up", new AtomicLong(), requests::read);
                pump(server, client, "s3-relay-down", fromServer, (bytes, offset, length) -> {});
            } catch (IOException e) {
                // The listener was closed, or the server refused: the client's connection ends either way.
            }
        }
    }

    /** What sees the bytes of one direction as they pass. */
    private interface Observer {
        void read(byte[] bytes, int offset, int length);
    }

    /**
     * Copies one direction, counting into {@code passed} and showing the bytes to {@code observer};
     * blocking writes carry the reader's back-pressure to the writer.
     */
    private void pump(Socket from, Socket to, String name, AtomicLong passed, Observer observer) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[BUFFER];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            observer.read(buffer, 0, read);
                            out.write(buffer, 0, read);
                            passed.addAndGet(read);
                        }
                    } catch (IOException e) {
                        // Cut, or one side went away: the other side is closed below.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that was wanted
        }
    }
}
