package dev.berth.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** busybox httpd serving a directory on loopback: the plain file server pulls are compared with. */
final class FileServer implements AutoCloseable {
    private final Process process;
    private final URI base;

    private FileServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static FileServer serve(Tools tools, Path directory) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        tools.busybox().toString(),
                        "httpd",
                        "-f",
                        "-p",
                        "127.0.0.1:" + port,
                        "-h",
                        directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // httpd has no readiness signal; it binds at once, so a short pause is enough.
        Thread.sleep(200);
        return new FileServer(process, URI.create("http://127.0.0.1:" + port + "/"));
    }

    URI uriOf(Path file) {
        return base.resolve(file.getFileName().toString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
