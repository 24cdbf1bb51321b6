package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.disk.TmpfsMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem driver on a real small filesystem (a tmpfs of its own) that fills up or turns
 * read-only while the registry runs (issue 16: pushes got a 500 "internal error: StorageException",
 * a chunked session's saved state then disagreed with its data and could not be resumed, and the
 * space stayed held until a purge).
 */
@DisplayName("Pushes and pulls when the storage filesystem is full or turns read-only")
class FullAndUnwritableDiskTest {
    private static final String REPO = "team/app";
    private static final int CHUNK = 512 * 1024;

    @TempDir
    Path tempDir;

    private TmpfsMount disk;
    private InProcessBerth server;
    private RegistryClient api;
    private Pushes push;

    @BeforeEach
    void start() throws IOException {
        disk = TmpfsMount.of(tempDir.resolve("disk"), 16L << 20);
        server = InProcessBerth.start(disk.dir(), Map.of());
        api = server.client();
        push = new Pushes(api);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        disk.close();
    }

    @Test
    @DisplayName("a chunk that meets a full disk gets a 507 saying the store is full; the session stays where it stood,"
            + " holds no more than that, and continues once space is freed")
    void fullDiskChunk() throws IOException {
        Content blob = Content.random(2 * CHUNK);
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, CHUNK).hasStatus(202);
        Path filler = disk.fillLeaving(CHUNK / 2);

        Reply refused = Uploads.chunk(api, location, blob.bytes(), CHUNK, 2 * CHUNK);

        assertStoreFull(refused);
        api.get(location).hasStatus(204).hasHeader("Range", "0-" + (CHUNK - 1));
        assertThat(hiddenBytes())
                .as("the session's data holds the first chunk only")
                .isEqualTo(CHUNK);

        Files.delete(filler);
        Uploads.chunk(api, location, blob.bytes(), CHUNK, 2 * CHUNK).hasStatus(202);
        Uploads.finish(api, location, blob).hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest())
                        .hasStatus(200)
                        .body())
                .isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a monolithic push that meets a full disk gets a 507 and leaves nothing behind; pulls keep working")
    void fullDiskMonolithic() throws IOException {
        Content image = push.image(REPO, "1.0");
        Path filler = disk.fillLeaving(CHUNK / 2);

        Content blob = Content.random(CHUNK);
        assertStoreFull(api.post(
                "/v2/" + REPO + "/blobs/uploads/?digest=" + blob.digest(),
                blob.bytes(),
                "Content-Type",
                Content.OCTET_STREAM));

        assertThat(hiddenBytes()).as("no partial file left holding space").isZero();
        assertThat(server.dataDir().resolve("docker/registry/v2/repositories/" + REPO + "/_uploads"))
                .doesNotExist();
        api.get("/v2/" + REPO + "/manifests/1.0", "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200)
                .hasHeader("Docker-Content-Digest", image.digest().toString());
        Files.delete(filler);
        push.blob(REPO, blob);
    }

    @Test
    @DisplayName("storage that turns read-only answers pushes with a 503 saying it is not writable; pulls keep working,"
            + " and pushes work again once it is writable")
    void turnsReadOnly() {
        Content image = push.image(REPO, "1.0");
        disk.remountReadOnly();
        try {
            Reply refused = api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0]);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("UNKNOWN");
            assertThat(refused.json().at("/errors/0/message").asText()).contains("storage is not writable");
            api.get("/v2/" + REPO + "/manifests/" + image.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                    .hasStatus(200);
        } finally {
            disk.remountWritable();
        }
        push.image(REPO, "2.0");
    }

    @Test
    @DisplayName("a garbage collection that meets a full disk gets a 507 saying the store is full; it runs once space"
            + " is freed")
    void fullDiskGc() throws IOException {
        push.image(REPO, "1.0");
        Path filler = disk.fillLeaving(0);

        Reply refused = api.post("/_berth/admin/gc", new byte[0]);

        assertThat(refused.status()).as("status of %s", refused.text()).isEqualTo(507);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("UNKNOWN");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("storage is full");
        Files.delete(filler);
        api.post("/_berth/admin/gc", new byte[0]).hasStatus(200);
    }

    private static void assertStoreFull(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(507);
        assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("UNKNOWN");
        assertThat(reply.json().at("/errors/0/message").asText()).contains("storage is full");
    }

    /** Bytes in the driver's hidden partial files: what upload sessions hold. */
    private long hiddenBytes() throws IOException {
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            List<Path> partials = files.filter(
                            file -> file.getFileName().toString().startsWith(".berth-partial-"))
                    .toList();
            long total = 0;
            for (Path partial : partials) {
                total += Files.size(partial);
            }
            return total;
        }
    }
}
