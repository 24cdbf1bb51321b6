package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two berth-registry processes on one S3 bucket, and one of them killed with SIGKILL while a
 * chunk is on its way to it (issue 16, "Faults"): the upload session lives in the bucket, so the
 * client finishes the push on the other replica, from where the session stood.
 */
@DisplayName("Replicas on S3 when one is killed during a push")
class S3ReplicaKillTest {
    private static final String REPO = "team/failover";
    private static final int MIB = 1 << 20;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private InProcessS3 s3;
    private final List<ServerProcess> replicas = new ArrayList<>();

    @BeforeEach
    void bucket() throws Exception {
        s3 = InProcessS3.startPrivate();
    }

    @AfterEach
    void stop() throws Exception {
        replicas.forEach(ServerProcess::kill);
        s3.stop();
    }

    @Test
    @DisplayName("a push whose replica is killed mid-chunk finishes on the other replica, and pulls whole from it")
    void pushFinishesOnOtherReplica() throws Exception {
        S3Bucket bucket = s3.newBucket("");
        int killedPort = FreePort.pick();
        ServerProcess killed = replica("replica-1", killedPort, bucket);
        int survivorPort = FreePort.pick();
        replica("replica-2", survivorPort, bucket);
        RegistryClient first = new RegistryClient(URI.create("http://127.0.0.1:" + killedPort));
        RegistryClient survivor = new RegistryClient(URI.create("http://127.0.0.1:" + survivorPort));

        byte[] layer = new byte[3 * MIB];
        new Random(16).nextBytes(layer);
        String location = first.post("/v2/" + REPO + "/blobs/uploads/", new byte[0])
                .hasStatus(202)
                .header("Location");
        chunk(first, location, layer, 0, MIB).hasStatus(202);

        try (Socket inFlight = new Socket("127.0.0.1", killedPort)) {
            OutputStream out = inFlight.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1:" + killedPort
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + MIB
                            + "\r\nContent-Range: " + MIB + "-" + (2 * MIB - 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(layer, MIB, MIB / 2);
            out.flush();
            killed.kill();
        }

        survivor.get(location).hasStatus(204).hasHeader("Range", "0-" + (MIB - 1));
        chunk(survivor, location, layer, MIB, 3 * MIB).hasStatus(202);
        String layerDigest = sha256(layer);
        survivor.put(RegistryClient.withQuery(location, "digest=" + layerDigest), new byte[0])
                .hasStatus(201);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String configDigest = sha256(config);
        survivor.post(
                        "/v2/" + REPO + "/blobs/uploads/?digest=" + configDigest,
                        config,
                        "Content-Type",
                        "application/octet-stream")
                .hasStatus(201);
        String manifest = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
                "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
                "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}""".formatted(configDigest, config.length, layerDigest, layer.length);
        survivor.put(
                        "/v2/" + REPO + "/manifests/1.0",
                        manifest.getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/vnd.oci.image.manifest.v1+json")
                .hasStatus(201);

        survivor.get("/v2/" + REPO + "/manifests/1.0", "Accept", "application/vnd.oci.image.manifest.v1+json")
                .hasStatus(200);
        assertThat(survivor.get("/v2/" + REPO + "/blobs/" + layerDigest)
                        .hasStatus(200)
                        .body())
                .isEqualTo(layer);
    }

    private ServerProcess replica(String name, int port, S3Bucket bucket) {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                BerthRegistryCommand.class.getName(),
                "serve",
                "--listen",
                "127.0.0.1:" + port,
                "--storage",
                "s3");
        ServerProcess replica = ServerProcess.launch(
                name, command, bucket.berthEnvironment(false), Set.of(), dir.resolve(name + ".log"));
        replicas.add(replica);
        replica.awaitOk(URI.create("http://127.0.0.1:" + port + "/v2/"), START_TIMEOUT);
        return replica;
    }

    private static Reply chunk(RegistryClient api, String location, byte[] content, int from, int to) {
        return api.patch(
                location,
                Arrays.copyOfRange(content, from, to),
                "Content-Type",
                "application/octet-stream",
                "Content-Range",
                from + "-" + (to - 1));
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
