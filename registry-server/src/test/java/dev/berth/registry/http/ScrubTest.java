package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.scrub.ScrubReport;
import dev.berth.registry.scrub.Scrubber;
import dev.berth.storage.fs.FsStorageDriver;
import dev.berth.testkit.api.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scrub over a store with flipped bytes on disk")
class ScrubTest extends ApiTest {
    private static final String REPO = "team/app";
    private Vertx vertx;

    @BeforeEach
    void openVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() {
        Await.await(vertx.close());
    }

    private ScrubReport scrub(boolean repair) {
        return Await.await(new Scrubber(new FsStorageDriver(vertx, server.dataDir())).scrub(repair));
    }

    private Path blobFile(String digest) {
        String encoded = digest.substring(digest.indexOf(':') + 1);
        return server.dataDir()
                .resolve("docker/registry/v2/blobs/sha256/" + encoded.substring(0, 2) + "/" + encoded + "/data");
    }

    private static void flipFirstByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 0x01;
        Files.write(file, bytes);
    }

    @Test
    @DisplayName("a clean store reports nothing")
    void clean() {
        push.image(REPO, "1.0");

        ScrubReport report = scrub(false);

        assertThat(report.clean()).isTrue();
        assertThat(report.blobsChecked()).isEqualTo(3);
    }

    @Test
    @DisplayName(
            "a layer with a flipped bit is reported; --repair quarantines it, and its link goes, so GET answers 404")
    void corruptLayer() throws Exception {
        push.image(REPO, "1.0");
        JsonObject image = new JsonObject(api.get("/v2/" + REPO + "/manifests/1.0", "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200)
                .text());
        String layer = image.getJsonArray("layers").getJsonObject(0).getString("digest");
        flipFirstByte(blobFile(layer));

        ScrubReport found = scrub(false);
        assertThat(found.corruptBlobs()).singleElement().asString().startsWith(layer);
        assertThat(blobFile(layer)).exists();

        ScrubReport repaired = scrub(true);
        assertThat(repaired.corruptBlobs()).hasSize(1);
        assertThat(repaired.danglingLinks())
                .singleElement()
                .asString()
                .contains("_layers/sha256/" + layer.substring(7));
        assertThat(blobFile(layer)).doesNotExist();
        assertThat(server.dataDir().resolve("docker/registry/v2/_berth/quarantine/sha256/" + layer.substring(7)))
                .exists();
        api.get("/v2/" + REPO + "/blobs/" + layer).isError(404, "BLOB_UNKNOWN");
        assertThat(scrub(false).clean()).as("after the repair").isTrue();
    }

    @Test
    @DisplayName("a manifest with a flipped bit is never served: GET answers 500 before any scrub")
    void corruptManifest() throws Exception {
        Content manifest = push.image(REPO, "1.0");
        flipFirstByte(blobFile(manifest.digest().toString()));

        Reply reply = api.get("/v2/" + REPO + "/manifests/1.0", "Accept", MediaTypes.OCI_MANIFEST);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("is corrupt");
        assertThat(scrub(false).corruptBlobs())
                .singleElement()
                .asString()
                .startsWith(manifest.digest().toString());
    }

    @Test
    @DisplayName(
            "what a crash left an hour ago or more (hidden .berth-tmp- files and directories, an upload directory without startedat) is reported, and --repair removes it; younger ones and live sessions stay")
    void crashLeftovers() throws Exception {
        push.image(REPO, "1.0");
        Path v2 = server.dataDir().resolve("docker/registry/v2");
        Path tempFile = Files.writeString(v2.resolve("repositories/team/app/_manifests/tags/.berth-tmp-1f2e"), "half");
        Path tempDir = Files.createDirectories(v2.resolve("repositories/.berth-tmp-3c4d/gone/_layers"));
        Files.writeString(tempDir.resolve("link"), "sha256:…");
        Path young = Files.writeString(v2.resolve("blobs/.berth-tmp-5a6b"), "being written");
        String live = Uploads.open(api, REPO);
        Path headless = uploadDir(Uploads.open(api, REPO));
        Files.delete(headless.resolve("startedat"));
        Path youngHeadless = uploadDir(Uploads.open(api, REPO));
        Files.delete(youngHeadless.resolve("startedat"));
        for (Path old :
                List.of(tempFile, tempDir.resolve("link"), tempDir, v2.resolve("repositories/.berth-tmp-3c4d"))) {
            makeOld(old);
        }
        try (Stream<Path> files = Files.list(headless)) {
            for (Path file : files.toList()) {
                makeOld(file);
            }
        }

        ScrubReport found = scrub(false);

        assertThat(found.leftovers())
                .containsExactlyInAnyOrder(
                        "docker/registry/v2/repositories/team/app/_manifests/tags/.berth-tmp-1f2e",
                        "docker/registry/v2/repositories/.berth-tmp-3c4d",
                        "docker/registry/v2/repositories/team/app/_uploads/" + headless.getFileName());
        assertThat(found.clean()).isFalse();
        assertThat(tempFile).exists();

        ScrubReport repaired = scrub(true);

        assertThat(repaired.leftovers()).hasSize(3);
        assertThat(tempFile).doesNotExist();
        assertThat(v2.resolve("repositories/.berth-tmp-3c4d")).doesNotExist();
        assertThat(headless).doesNotExist();
        assertThat(young).exists();
        assertThat(youngHeadless).exists();
        api.get(live).hasStatus(204);
        assertThat(scrub(false).leftovers()).isEmpty();
    }

    private Path uploadDir(String location) {
        String id = location.substring(location.lastIndexOf('/') + 1);
        return server.dataDir().resolve("docker/registry/v2/repositories/" + REPO + "/_uploads/" + id);
    }

    private static void makeOld(Path path) throws Exception {
        Files.setLastModifiedTime(
                path, FileTime.from(Instant.now().minus(Scrubber.LEFTOVER_AGE).minus(Duration.ofMinutes(5))));
    }
}
