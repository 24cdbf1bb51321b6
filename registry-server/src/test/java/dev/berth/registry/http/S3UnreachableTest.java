package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.CapturedLog;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry on an S3 server that cannot be reached (its port refuses connections): storage that
 * turned unusable while the registry runs answers 503 with a message that says so, as unwritable
 * filesystem storage does (issue 16, point 2); it was a 500 "internal error: StorageException" with a
 * stack trace in the log per request.
 */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Requests on S3 while the S3 server cannot be reached")
class S3UnreachableTest {
    private static final String REPO = "team/unreachable";
    private static final int MIB = 1 << 20;

    private InProcessS3 s3;
    private InProcessBerth server;
    private RegistryClient api;

    @BeforeEach
    void start() throws Exception {
        s3 = InProcessS3.startPrivate();
        Map<String, String> settings =
                new LinkedHashMap<>(s3.newBucket("registry").berthSettings(false));
        settings.put("BERTH_DELETE_ENABLED", "true");
        server = InProcessBerth.start(settings);
        api = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        s3.stop();
    }

    @Test
    @DisplayName("every route that needs storage answers 503 with the spec's error body saying storage cannot be"
            + " reached, logged in one line without a stack trace; once S3 is back the same requests succeed")
    void everyRouteAnswers503() throws Exception {
        Pushes push = new Pushes(api);
        Content image = push.image(REPO, "1.0");
        Content layer = push.randomBlob(REPO, 4096);
        Content unpushed = Content.random(4096);
        Content blob = Content.random(2 * MIB);
        String location = Uploads.open(api, REPO);
        String next = Uploads.chunk(api, location, blob.bytes(), 0, MIB)
                .hasStatus(202)
                .header("Location");
        Content nextImage = Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(layer, layer));
        Map<String, Supplier<Reply>> requests = new LinkedHashMap<>();
        requests.put("GET blob", () -> api.get("/v2/" + REPO + "/blobs/" + layer.digest()));
        requests.put("HEAD blob", () -> api.head("/v2/" + REPO + "/blobs/" + layer.digest()));
        requests.put(
                "GET manifest", () -> api.get("/v2/" + REPO + "/manifests/2.0", "Accept", MediaTypes.OCI_MANIFEST));
        requests.put(
                "HEAD manifest", () -> api.head("/v2/" + REPO + "/manifests/2.0", "Accept", MediaTypes.OCI_MANIFEST));
        requests.put("GET tags", () -> api.get("/v2/" + REPO + "/tags/list"));
        requests.put("GET catalog", () -> api.get("/v2/_catalog"));
        requests.put(
                "PUT manifest",
                () -> api.put(
                        "/v2/" + REPO + "/manifests/2.0", nextImage.bytes(), "Content-Type", nextImage.mediaType()));
        requests.put("POST upload", () -> api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0]));
        requests.put(
                "POST monolithic upload",
                () -> api.post(
                        "/v2/" + REPO + "/blobs/uploads/?digest=" + unpushed.digest(),
                        unpushed.bytes(),
                        "Content-Type",
                        Content.OCTET_STREAM));
        requests.put("GET upload", () -> api.get(next));
        requests.put("PATCH upload", () -> Uploads.chunk(api, next, blob.bytes(), MIB, 2 * MIB));
        requests.put("PUT upload", () -> Uploads.finish(api, next, blob));
        requests.put("DELETE manifest", () -> api.delete("/v2/" + REPO + "/manifests/" + image.digest()));
        requests.put("DELETE blob", () -> api.delete("/v2/" + REPO + "/blobs/" + layer.digest()));

        s3.stop();
        Map<String, Reply> replies = new LinkedHashMap<>();
        try (CapturedLog errors = CapturedLog.of(ErrorResponses.class.getName());
                CapturedLog everything = CapturedLog.of("dev.berth")) {
            requests.forEach((name, request) -> replies.put(name, request.get()));

            assertThat(replies)
                    .allSatisfy((name, reply) -> assertThat(reply.status())
                            .as("%s: %s", name, reply.text())
                            .isEqualTo(503));
            replies.forEach((name, reply) -> {
                if (!name.startsWith("HEAD")) {
                    reply.isError(503, "UNKNOWN");
                    assertThat(reply.json().at("/errors/0/message").asText())
                            .as("message of %s", name)
                            .contains("storage cannot be reached");
                }
            });
            assertThat(errors.awaitLines(requests.size())).hasSize(requests.size());
            assertThat(everything.linesWithStackTraces()).isEmpty();
        }

        s3.restart();
        api.get(next).hasStatus(204).hasHeader("Range", "0-" + (MIB - 1));
        Uploads.chunk(api, next, blob.bytes(), MIB, 2 * MIB).hasStatus(202);
        Uploads.finish(api, next, blob).hasStatus(201);
        push.manifest(REPO, "2.0", nextImage);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest())
                        .hasStatus(200)
                        .body())
                .isEqualTo(blob.bytes());
    }
}
