package dev.berth.testkit.s3;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * S3Proxy in a process of its own, over files in a directory. For the benchmark: its CPU and memory
 * are then nobody's measurement, and it runs the S3Proxy of the class path it is given (the
 * benchmark's 4.1, whose ListParts registry:2 can read; {@link InProcessS3} is the tests' 2.6 in
 * the test's JVM). For fault tests: {@link #kill()} cuts every transfer in flight, which stopping
 * the in-process server does not (it lets responses finish), and {@link #restart()} brings it back
 * over the same objects. It checks no signatures, so buckets are made with a plain PUT, and clients
 * sign with any keys as they always do.
 */
public final class S3ProxyProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final String ACCESS_KEY = "berth-bench";
    private static final String SECRET_KEY = "berth-bench-secret";
    private static final String REGION = "us-east-1";
    private static final Pattern WRITE_IN_FLIGHT =
            Pattern.compile(".+-\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final List<String> command;
    private final Path logFile;
    private final URI endpoint;
    private final Path objects;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServerProcess server;

    private S3ProxyProcess(List<String> command, Path logFile, URI endpoint, Path objects) {
        this.command = command;
        this.logFile = logFile;
        this.endpoint = endpoint;
        this.objects = objects;
    }

    /** Starts S3Proxy from {@code classPath} with its objects, configuration and log in {@code workDir}. */
    public static S3ProxyProcess start(Path classPath, Path workDir) throws IOException {
        Path objects = Files.createDirectories(workDir.resolve("s3"));
        URI endpoint = URI.create("http://127.0.0.1:" + FreePort.pick());
        Path properties = workDir.resolve("s3proxy.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + endpoint,
                        "s3proxy.authorization=none",
                        "jclouds.provider=filesystem-nio2",
                        "jclouds.identity=" + ACCESS_KEY,
                        "jclouds.credential=" + SECRET_KEY,
                        "jclouds.filesystem.basedir=" + objects,
                        ""));
        // Logback's default is DEBUG for everything: pages per request. The handler logs why it
        // answered 500 only at DEBUG, and that is what a failed fault test needs to know.
        Path logging = workDir.resolve("s3proxy-logback.xml");
        Files.writeString(
                logging,
                "<configuration><appender name='out' class='ch.qos.logback.core.ConsoleAppender'>"
                        + "<encoder><pattern>%d %level %logger %msg%n</pattern></encoder></appender>"
                        + "<logger name='org.gaul.s3proxy.S3ProxyHandlerJetty' level='DEBUG'/>"
                        + "<root level='WARN'><appender-ref ref='out'/></root></configuration>\n");
        S3ProxyProcess s3 = new S3ProxyProcess(
                List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx512m",
                        "-Dlogback.configurationFile=" + logging,
                        "-cp",
                        classPath.toString(),
                        "org.gaul.s3proxy.Main",
                        "--properties",
                        properties.toString()),
                workDir.resolve("s3proxy.log"),
                endpoint,
                objects);
        s3.launch();
        return s3;
    }

    /**
     * Starts the server again after {@link #kill()}, on the same port over the same objects, as S3
     * comes back after its machine died: what it had stored is there again, nothing in flight is.
     */
    public synchronized void restart() {
        if (server.isAlive()) {
            throw new IllegalStateException("S3Proxy is still running: kill it before restarting it");
        }
        dropWritesInFlight();
        launch();
    }

    /**
     * Removes the objects S3Proxy was still writing when it was killed. It writes each one to a file
     * named {@code <key>-<UUID>} beside its key and renames it once whole, so a kill leaves that file
     * behind: S3 would never show such a half-written object, and S3Proxy's listings of its prefix
     * then fail with 500 until it is gone (it has no MD5 attribute yet).
     */
    private void dropWritesInFlight() {
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> WRITE_IN_FLIGHT
                            .matcher(file.getFileName().toString())
                            .matches())
                    .toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove S3Proxy's unfinished writes under " + objects, e);
        }
    }

    private synchronized void launch() {
        server = ServerProcess.launch("s3proxy", command, logFile);
        // Unsigned requests are welcome: the bucket listing answers 200 once the server is up.
        server.awaitOk(endpoint, READY_TIMEOUT);
    }

    /** A new, empty bucket named {@code name}, its objects at the bucket's root. */
    public S3Bucket newBucket(String name) throws IOException, InterruptedException {
        int status = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/" + name))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            throw new IOException("S3 server refused to create bucket " + name + ": HTTP " + status);
        }
        return new S3Bucket(endpoint, name, REGION, "", ACCESS_KEY, SECRET_KEY);
    }

    /**
     * Stores {@code file} as the object {@code key} of {@code bucket} with an unsigned PUT (the server
     * checks no signatures); answers the object's URL, which an unsigned GET reads.
     */
    public URI putObject(S3Bucket bucket, String key, Path file) throws IOException, InterruptedException {
        URI object = endpoint.resolve("/" + bucket.name() + "/" + key);
        int status = http.send(
                        HttpRequest.newBuilder(object)
                                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            throw new IOException("S3 server refused to store " + object + ": HTTP " + status);
        }
        return object;
    }

    /** Where the server keeps a bucket's objects (its file store's layout), for removing GiBs quickly. */
    public Path bucketDirectory(S3Bucket bucket) {
        return objects.resolve(bucket.name());
    }

    /** The end of what the server logged, over its restarts. */
    public synchronized String logTail() {
        return server.logTail();
    }

    /** SIGKILL: S3 gone at once, its connections reset mid-transfer, as when its machine dies. */
    public synchronized void kill() {
        server.kill();
    }

    /** Stops the server and removes every bucket's objects. */
    @Override
    public synchronized void close() {
        server.terminate(STOP_GRACE);
        ScratchDir.deleteRecursively(objects);
    }
}
