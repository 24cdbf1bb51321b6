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
}
