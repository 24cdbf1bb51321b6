package dev.berth.bench;

import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An S3 protocol server both contenders share for {@code --storage s3}: S3Proxy over files in the
 * work directory, in a process of its own (its main class travels in the bench jar), so that its
 * CPU and memory are nobody's measurement. It checks no signatures, so buckets are made with a
 * plain PUT and both registries sign as they always do.
 */
final class S3Server implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final ServerProcess server;
    private final URI endpoint;
    private final Path objects;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private S3Server(ServerProcess server, URI endpoint, Path objects) {
        this.server = server;
        this.endpoint = endpoint;
        this.objects = objects;
    }

    static S3Server start(Path workDir) throws IOException {
        Path objects = Files.createDirectories(workDir.resolve("s3"));
        URI endpoint = URI.create("http://127.0.0.1:" + FreePort.pick());
        Path properties = workDir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=none",
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + Storage.S3.ACCESS_KEY,
                "jclouds.credential=" + Storage.S3.SECRET_KEY,
                "jclouds.filesystem.basedir=" + objects,
                ""));
        // Logback's default is DEBUG for everything: pages per request.
        Path logging = workDir.resolve("s3proxy-logback.xml");
        Files.writeString(logging, "<configuration><appender name='out' class='ch.qos.logback.core.ConsoleAppender'>"
                + "<encoder><pattern>%d %level %logger %msg%n</pattern></encoder></appender>"
                + "<root level='WARN'><appender-ref ref='out'/></root></configuration>\n");
        ServerProcess server = ServerProcess.launch("s3proxy", List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dlogback.configurationFile=" + logging, "-cp", benchJar().toString(),
                "org.gaul.s3proxy.Main", "--properties", properties.toString()), workDir.resolve("s3proxy.log"));
        // Unsigned requests are welcome: the bucket listing answers 200 once the server is up.
        server.awaitOk(endpoint, READY_TIMEOUT);
        return new S3Server(server, endpoint, objects);
    }

    /** A new, empty bucket: each contender gets its own every round, as it gets an empty directory on disk. */
    Storage.S3 freshBucket(String name) throws IOException, InterruptedException {
        int status = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + name)).PUT(HttpRequest.BodyPublishers.noBody())
                .build(), BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException("S3 server refused to create bucket " + name + ": HTTP " + status);
        }
        return new Storage.S3(endpoint, name);
    }

    /** Where the server keeps a bucket's objects (its file store's layout): a round's GiBs are removed there. */
    Path bucketDirectory(Storage.S3 bucket) {
        return objects.resolve(bucket.bucket());
    }

    @Override
    public void close() throws IOException {
        server.terminate(STOP_GRACE);
        Directories.deleteTree(objects);
    }

    private static Path benchJar() throws IOException {
        try {
            return Path.of(S3Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bench jar", e);
        }
    }
}
