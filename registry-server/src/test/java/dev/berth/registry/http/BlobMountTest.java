package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mounting a blob from another repository")
class BlobMountTest extends ApiTest {
    private static final String SOURCE = "source/repo";
    private static final String TARGET = "target/repo";

    private Reply mount(Content blob, String from) {
        return api.post("/v2/" + TARGET + "/blobs/uploads/?mount=" + blob.digest() + "&from=" + from, new byte[0]);
    }

    @Test
    @DisplayName("POST ?mount=&from= answers 201 with the blob's Location when the source holds the blob")
    void mountsFromSource() {
        Content blob = push.randomBlob(SOURCE, 2048);

        mount(blob, SOURCE)
                .hasStatus(201)
                .hasHeader("Location", "/v2/" + TARGET + "/blobs/" + blob.digest())
                .hasHeader("Docker-Content-Digest", blob.digest().toString());

        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).hasStatus(200);
        assertThat(api.get("/v2/" + TARGET + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a blob the source does not hold is not mounted: 202 opens an upload session instead")
    void fallsBackToSession() {
        Content blob = push.randomBlob("elsewhere", 100);

        Reply reply = mount(blob, SOURCE);

        reply.hasStatus(202);
        assertThat(reply.header("Location")).startsWith("/v2/" + TARGET + "/blobs/uploads/");
        assertThat(reply.header("Docker-Upload-UUID")).isNotBlank();
        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @Test
    @DisplayName("the session a failed mount opened takes the blob as usual")
    void sessionAfterFailedMount() {
        Content blob = Content.random(100);
        String location = mount(blob, SOURCE).hasStatus(202).header("Location");

        api.put(RegistryClient.withQuery(location, "digest=" + blob.digest()), blob.bytes())
                .hasStatus(201);

        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).hasStatus(200);
    }

    @Test
    @DisplayName("a source that is no valid repository name mounts nothing and opens a session")
    void invalidSource() {
        Content blob = push.randomBlob(SOURCE, 100);

        mount(blob, "../source").hasStatus(202);

        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @Test
    @DisplayName(
            "POST ?mount= without from answers 201 when another repository holds the blob, and the blob is then in the target")
    void automaticMount() {
        Content blob = push.randomBlob(SOURCE, 100);

        api.post("/v2/" + TARGET + "/blobs/uploads/?mount=" + blob.digest(), new byte[0])
                .hasStatus(201)
                .hasHeader("Location", "/v2/" + TARGET + "/blobs/" + blob.digest())
                .hasHeader("Docker-Content-Digest", blob.digest().toString());

        assertThat(api.get("/v2/" + TARGET + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a mount without from of a blob no repository holds any more (its only link deleted) opens a session")
    void automaticMountOfUnlinkedBlob() {
        Content blob = push.randomBlob(SOURCE, 100);
        api.delete("/v2/" + SOURCE + "/blobs/" + blob.digest()).hasStatus(202);

        api.post("/v2/" + TARGET + "/blobs/uploads/?mount=" + blob.digest(), new byte[0])
                .hasStatus(202);

        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @Test
    @DisplayName("with uploads.automaticCrossMount off, a mount without from opens a session")
    void automaticMountSwitchedOff() {
        server.close();
        server = InProcessBerth.start(tempDir.resolve("data"), Map.of("BERTH_UPLOADS_AUTOMATICCROSSMOUNT", "false"));
        api = server.client();
        Content blob = new Pushes(api).randomBlob(SOURCE, 100);

        api.post("/v2/" + TARGET + "/blobs/uploads/?mount=" + blob.digest(), new byte[0])
                .hasStatus(202);

        api.head("/v2/" + TARGET + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @Test
    @DisplayName(
            "a blob garbage collection deleted is no longer mounted without from, and the markers of its holders go with it")
    void automaticMountAfterCollection() {
        server.close();
        server = InProcessBerth.start(tempDir.resolve("data"), Map.of("BERTH_GC_GRACEPERIOD", "0s"));
        api = server.client();
        Content blob = new Pushes(api).randomBlob(SOURCE, 100);
        String encoded = blob.digest().encoded();
        Path holders = server.dataDir().resolve("docker/registry/v2/_berth/holders/sha256/" + encoded);
        assertThat(holders.resolve("source~repo")).exists();

        Reply collected = api.post("/_berth/admin/gc", new byte[0]);

        assertThat(collected.status()).as("gc: %s", collected.text()).isEqualTo(200);
        assertThat(holders).doesNotExist();
        api.post("/v2/" + TARGET + "/blobs/uploads/?mount=" + blob.digest(), new byte[0])
                .hasStatus(202);
    }
}
