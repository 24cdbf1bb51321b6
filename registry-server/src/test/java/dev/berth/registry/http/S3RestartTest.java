package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Pause;
import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3DefaultChain;
import dev.berth.testkit.s3.S3ProxyLogOnFailure;
import dev.berth.testkit.s3.S3ProxyProcess;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server killed (SIGKILL of a real S3Proxy process: the in-process one lets responses in
 * flight finish) while a chunk, a monolithic push and a blob pull are in flight, then started again
 * on the same objects (issue 16, "Faults"): nothing that was not wholly accepted ever answers 200,
 * the pull sees its connection cut, the upload session resumes from where it stood, and Berth serves
 * new pushes and pulls without being restarted.
 */
@DisplayName("Pushes and pulls on S3 when the S3 server is killed mid-transfer and started again")
class S3RestartTest {
    private static final String REPO = "team/restart";
    private static final int MIB = 1 << 20;
    private static final int SOCKET_TIMEOUT_MILLIS = 120_000;
    /** Large enough that the S3 driver stores several 5 MiB segments while the body still arrives. */
    private static final int IN_FLIGHT = 16 * MIB;
    /** What of an in-flight body is sent before S3 dies: two segments' worth and more. */
    private static final int SENT = 12 * MIB;

    private static final int SECOND_CHUNK_END = MIB + IN_FLIGHT;
    private static final Duration SEGMENTS_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private S3ProxyProcess s3;

    @RegisterExtension
    final S3ProxyLogOnFailure s3Log = new S3ProxyLogOnFailure(() -> s3);

    private InProcessBerth server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        S3DefaultChain.clear();
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @DisplayName("nothing half-pushed answers 200, the pull in flight is cut short of its Content-Length, the chunked"
            + " upload resumes and pulls whole, and new pushes and pulls work, all without restarting Berth")
    void killedAndRestarted() throws Exception {
        s3 = S3ProxyProcess.start(Path.of(System.getProperty("java.class.path")), dir);
        S3Bucket bucket = s3.newBucket("registry");
        S3DefaultChain.useKeys(bucket.accessKey(), bucket.secretKey());
        server = InProcessBerth.start(bucket.berthSettings(false));
        RegistryClient api = server.client();
        Pushes push = new Pushes(api);
        Content pulled = push.blob(REPO, Content.random(24 * MIB));
        Content config = push.blob(
                REPO,
                Content.json(
                        MediaTypes.OCI_CONFIG,
                        new JsonObject().put("architecture", "amd64").put("os", "linux")));
        Content manifest = Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(config, pulled));
        Content chunked = Content.random(SECOND_CHUNK_END);
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, chunked.bytes(), 0, MIB).hasStatus(202);
        Content monolithic = Content.random(IN_FLIGHT);
        Path objects = s3.bucketDirectory(bucket);
        long segmentsBefore = storedSegments(objects);

        try (Socket pull = connect();
                Socket chunk = connect();
                Socket post = connect()) {
            InputStream pulling = pull.getInputStream();
            send(pull, "GET /v2/" + REPO + "/blobs/" + pulled.digest(), new byte[0], 0);
            String head = RawHttp.readHead(pulling);
            assertThat(head).startsWith("HTTP/1.1 200");
            long declared = RawHttp.contentLength(head);
            long received = pulling.readNBytes(64 * 1024).length;
            byte[] secondChunk = Arrays.copyOfRange(chunked.bytes(), MIB, SECOND_CHUNK_END);
            send(
                    chunk,
                    "PATCH " + location,
                    secondChunk,
                    SENT,
                    "Content-Type: " + Content.OCTET_STREAM,
                    "Content-Range: " + MIB + "-" + (SECOND_CHUNK_END - 1));
            send(
                    post,
                    "POST /v2/" + REPO + "/blobs/uploads/?digest=" + monolithic.digest(),
                    monolithic.bytes(),
                    SENT,
                    "Content-Type: " + Content.OCTET_STREAM);
            // The writes are under way in S3 (two segments stored between them, more on their way) when it dies.
            awaitSegments(objects, segmentsBefore + 2);

            s3.kill();

            received += RawHttp.readToCut(pulling);
            assertThat(declared).isEqualTo(pulled.size());
            assertThat(received).as("bytes the pull received before its cut").isLessThan(declared);
            finish(chunk, secondChunk, SENT)
                    .ifPresent(status -> assertThat(status)
                            .as("status of the chunk in flight")
                            .isBetween(500, 599));
            finish(post, monolithic.bytes(), SENT)
                    .ifPresent(status -> assertThat(status)
                            .as("status of the monolithic push in flight")
                            .isBetween(500, 599));
        }
        api.put("/v2/" + REPO + "/manifests/2.0", manifest.bytes(), "Content-Type", manifest.mediaType())
                .isError(503, "UNKNOWN");

        s3.restart();

        api.head("/v2/" + REPO + "/blobs/" + chunked.digest()).isBodylessError(404);
        api.head("/v2/" + REPO + "/blobs/" + monolithic.digest()).isBodylessError(404);
        api.get("/v2/" + REPO + "/manifests/2.0", "Accept", MediaTypes.OCI_MANIFEST)
                .isError(404, "MANIFEST_UNKNOWN");
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .isError(404, "MANIFEST_UNKNOWN");

        api.get(location).hasStatus(204).hasHeader("Range", "0-" + (MIB - 1));
        Uploads.chunk(api, location, chunked.bytes(), MIB, SECOND_CHUNK_END).hasStatus(202);
        Uploads.finish(api, location, chunked).hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + chunked.digest())
                        .hasStatus(200)
                        .hasHeader("Docker-Content-Digest", chunked.digest().toString())
                        .body())
                .isEqualTo(chunked.bytes());

        push.blob(REPO, monolithic);
        push.manifest(REPO, "2.0", manifest);
        api.get("/v2/" + REPO + "/manifests/2.0", "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200)
                .hasHeader("Docker-Content-Digest", manifest.digest().toString());
        assertThat(api.get("/v2/" + REPO + "/blobs/" + pulled.digest())
                        .hasStatus(200)
                        .body())
                .isEqualTo(pulled.bytes());
    }

    /** The upload segments (the S3 driver's hidden {@code .berth-partial-*} objects) S3Proxy holds as files. */
    private static long storedSegments(Path objects) throws IOException {
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getParent().getFileName().toString().startsWith(".berth-partial-"))
                    .count();
        }
    }

    private static void awaitSegments(Path objects, long count) throws IOException {
        Instant deadline = Instant.now().plus(SEGMENTS_TIMEOUT);
        while (storedSegments(objects) < count) {
            assertThat(Instant.now())
                    .as("%d upload segments stored in S3 within %s", count, SEGMENTS_TIMEOUT)
                    .isBefore(deadline);
            Pause.sleep(Duration.ofMillis(20));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /** Writes a request head declaring all of {@code body}, then only its first {@code sent} bytes. */
    private void send(Socket socket, String requestLine, byte[] body, int sent, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(requestLine)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(server.port())
                .append("\r\n");
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, sent);
        out.flush();
    }

    /**
     * Sends the rest of {@code body} from {@code from} on and answers the response's status, or
     * nothing when the registry cut the connection instead (which it may do once it has answered).
     */
    private static OptionalInt finish(Socket socket, byte[] body, int from) {
        try {
            socket.getOutputStream().write(body, from, body.length - from);
            socket.getOutputStream().flush();
        } catch (IOException answeredEarly) {
            // The registry answered and closed before taking the rest: the answer may still be readable.
        }
        try {
            return OptionalInt.of(RawHttp.read(socket.getInputStream()).status());
        } catch (IOException cut) {
            return OptionalInt.empty();
        }
    }
}
