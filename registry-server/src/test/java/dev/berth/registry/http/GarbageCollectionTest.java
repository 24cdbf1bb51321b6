package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Garbage collection through POST /_berth/admin/gc")
class GarbageCollectionTest {
    private static final String REPO = "team/app";
    private static final int PUSHERS = 3;

    @TempDir
    Path tempDir;

    private InProcessBerth server;
    private RegistryClient api;
    private Pushes push;

    /** Garbage collection on demand only, with these settings as an operator writes them ("0s", "1h", "7d"). */
    private void start(String gracePeriod, String purgeUploadsAfter) {
        server = InProcessBerth.start(
                tempDir.resolve("data"),
                Map.of("BERTH_GC_GRACEPERIOD", gracePeriod, "BERTH_UPLOADS_PURGEAFTER", purgeUploadsAfter));
        api = server.client();
        push = new Pushes(api);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject collect(String body) {
        Reply reply = api.post("/_berth/admin/gc", body.getBytes(), "Content-Type", "application/json");
        assertThat(reply.status()).as("gc: %s", reply.text()).isEqualTo(200);
        return new JsonObject(reply.text());
    }

    private Path blobFile(Content blob) {
        String encoded = blob.digest().encoded();
        return server.dataDir()
                .resolve("docker/registry/v2/blobs/sha256/" + encoded.substring(0, 2) + "/" + encoded + "/data");
    }

    @Test
    @DisplayName(
            "deletes a blob no manifest references, keeps every blob a tagged image uses, and reports count and bytes")
    void sweepsUnreferencedBlobs() {
        start("0s", "7d");
        Content manifest = push.image(REPO, "1.0");
        Content orphan = push.randomBlob(REPO, 3000);

        JsonObject report = collect("");

        assertThat(report.getInteger("blobsDeleted")).isEqualTo(1);
        assertThat(report.getLong("bytesFreed")).isEqualTo(3000L);
        assertThat(report.getBoolean("dryRun")).isFalse();
        assertThat(blobFile(orphan)).doesNotExist();
        api.head("/v2/" + REPO + "/blobs/" + orphan.digest()).isBodylessError(404);
        JsonObject pulled = new JsonObject(api.get("/v2/" + REPO + "/manifests/1.0", "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200)
                .text());
        api.get("/v2/" + REPO + "/blobs/" + pulled.getJsonObject("config").getString("digest"))
                .hasStatus(200);
        api.get("/v2/" + REPO + "/blobs/"
                        + pulled.getJsonArray("layers").getJsonObject(0).getString("digest"))
                .hasStatus(200);
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
    }

    @Test
    @DisplayName("pushes that run during collections never end with a manifest whose blobs are gone")
    void concurrentPushes() throws Exception {
        start("0s", "7d");
        ExecutorService pushers = Executors.newFixedThreadPool(PUSHERS);
        AtomicBoolean collecting = new AtomicBoolean(true);
        List<Future<List<Content>>> pushed = new ArrayList<>();
        for (int i = 0; i < PUSHERS; i++) {
            String repository = REPO + i;
            pushed.add(pushers.submit(() -> {
                List<Content> manifests = new ArrayList<>();
                while (collecting.get()) {
                    push.randomBlob(repository, 700);
                    manifests.add(push.image(repository, "v" + manifests.size()));
                }
                return manifests;
            }));
        }
        long freed = 0;
        try {
            for (int run = 0; run < 4; run++) {
                freed += collect("").getInteger("blobsDeleted");
            }
        } finally {
            collecting.set(false);
            pushers.shutdown();
        }

        assertThat(freed)
                .as("orphans pushed between collections were collected")
                .isPositive();
        for (int i = 0; i < PUSHERS; i++) {
            for (Content manifest : pushed.get(i).get()) {
                JsonObject image = new JsonObject(new String(manifest.bytes(), StandardCharsets.UTF_8));
                api.get("/v2/" + REPO + i + "/manifests/" + manifest.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                        .hasStatus(200);
                api.head("/v2/" + REPO + i + "/blobs/"
                                + image.getJsonObject("config").getString("digest"))
                        .hasStatus(200);
                api.head("/v2/" + REPO + i + "/blobs/"
                                + image.getJsonArray("layers").getJsonObject(0).getString("digest"))
                        .hasStatus(200);
            }
        }
    }

    @Test
    @DisplayName("a dry run reports what it would free and deletes nothing")
    void dryRun() {
        start("0s", "7d");
        Content orphan = push.randomBlob(REPO, 1234);

        JsonObject report = collect("{\"dryRun\": true}");

        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getInteger("blobsDeleted")).isEqualTo(1);
        assertThat(report.getLong("bytesFreed")).isEqualTo(1234L);
        assertThat(blobFile(orphan)).exists();
        api.head("/v2/" + REPO + "/blobs/" + orphan.digest()).hasStatus(200);
    }

    @Test
    @DisplayName("blobs younger than the grace period are kept even when nothing references them")
    void gracePeriodKeepsYoungBlobs() {
        start("1h", "7d");
        Content orphan = push.randomBlob(REPO, 500);

        JsonObject report = collect("");

        assertThat(report.getInteger("blobsDeleted")).isZero();
        assertThat(blobFile(orphan)).exists();
    }

    @Test
    @DisplayName(
            "an old unreferenced blob that a push finds with HEAD (and so skips uploading) outlives the next collection")
    void blobFoundByHeadKept() throws Exception {
        start("1h", "7d");
        Content foundAgain = push.randomBlob(REPO, 600);
        Content forgotten = push.randomBlob(REPO, 700);
        age(foundAgain, Duration.ofHours(2));
        age(forgotten, Duration.ofHours(2));

        api.head("/v2/" + REPO + "/blobs/" + foundAgain.digest()).hasStatus(200);
        JsonObject report = collect("");

        assertThat(report.getInteger("blobsDeleted"))
                .as("only the blob nobody looked up")
                .isEqualTo(1);
        assertThat(blobFile(forgotten)).doesNotExist();
        api.head("/v2/" + REPO + "/blobs/" + foundAgain.digest()).hasStatus(200);
    }

    /** Makes a blob's data and its layer link look written {@code age} ago. */
    private void age(Content blob, Duration age) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(age));
        Files.setLastModifiedTime(blobFile(blob), then);
        Files.setLastModifiedTime(
                server.dataDir()
                        .resolve("docker/registry/v2/repositories/" + REPO + "/_layers/sha256/"
                                + blob.digest().encoded() + "/link"),
                then);
    }

    @Test
    @DisplayName(
            "with deleteUntagged, a manifest no tag reaches goes with its blobs; a referrer of a tagged image stays")
    void deletesUntaggedManifests() {
        start("0s", "7d");
        Content old = push.image(REPO, "latest");
        Content current = push.image(REPO, "latest");
        Content signature = push.manifest(
                REPO,
                "sha256-sig",
                Content.json(
                        MediaTypes.OCI_MANIFEST,
                        Manifests.withSubject(
                                Manifests.ociImage(
                                        push.blob(REPO, Content.random(MediaTypes.OCI_CONFIG, 10)),
                                        push.randomBlob(REPO, 20)),
                                current)));
        api.delete("/v2/" + REPO + "/manifests/sha256-sig").hasStatus(202);

        JsonObject report = collect("{\"deleteUntagged\": true}");

        assertThat(report.getInteger("manifestsDeleted")).isEqualTo(1);
        api.get("/v2/" + REPO + "/manifests/" + old.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .isError(404, "MANIFEST_UNKNOWN");
        api.get("/v2/" + REPO + "/manifests/latest", "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
        api.get("/v2/" + REPO + "/manifests/" + signature.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
        assertThat(api.get("/v2/" + REPO + "/referrers/" + current.digest())
                        .hasStatus(200)
                        .json()
                        .path("manifests"))
                .hasSize(1);
        assertThat(report.getInteger("blobsDeleted"))
                .as("the old manifest, its config and its layer")
                .isEqualTo(3);
    }

    @Test
    @DisplayName("a manifest deleted by digest through the API has its config and layer collected")
    void deletedManifestCollected() {
        start("0s", "7d");
        Content manifest = push.image(REPO, "1.0");
        api.delete("/v2/" + REPO + "/manifests/" + manifest.digest()).hasStatus(202);

        JsonObject report = collect("");

        assertThat(report.getInteger("blobsDeleted"))
                .as("the manifest, its config and its layer")
                .isEqualTo(3);
        assertThat(blobFile(manifest)).doesNotExist();
    }

    @Test
    @DisplayName("a manifest whose only tag was deleted through the API goes with its blobs under deleteUntagged")
    void untaggedByTagDeleteCollected() {
        start("0s", "7d");
        Content manifest = push.image(REPO, "1.0");
        api.delete("/v2/" + REPO + "/manifests/1.0").hasStatus(202);

        JsonObject report = collect("{\"deleteUntagged\": true}");

        assertThat(report.getInteger("manifestsDeleted")).isEqualTo(1);
        assertThat(report.getInteger("blobsDeleted"))
                .as("the manifest, its config and its layer")
                .isEqualTo(3);
        assertThat(blobFile(manifest)).doesNotExist();
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName(
            "a multi-platform index deleted by digest is collected; its platform images stay until deleteUntagged takes them")
    void deletedIndexCollected() {
        start("0s", "7d");
        Content amd64 = pushByDigest(push.imageManifest(REPO));
        Content arm64 = pushByDigest(push.imageManifest(REPO));
        Content index =
                push.manifest(REPO, "multi", Content.json(MediaTypes.OCI_INDEX, Manifests.ociIndex(amd64, arm64)));
        api.delete("/v2/" + REPO + "/manifests/" + index.digest()).hasStatus(202);

        JsonObject kept = collect("");

        assertThat(kept.getInteger("blobsDeleted")).as("the index alone").isEqualTo(1);
        assertThat(blobFile(index)).doesNotExist();
        api.get("/v2/" + REPO + "/manifests/" + amd64.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);

        JsonObject untagged = collect("{\"deleteUntagged\": true}");

        assertThat(untagged.getInteger("manifestsDeleted")).isEqualTo(2);
        assertThat(untagged.getInteger("blobsDeleted"))
                .as("two platform manifests with a config and a layer each")
                .isEqualTo(6);
        assertThat(blobFile(amd64)).doesNotExist();
        assertThat(blobFile(arm64)).doesNotExist();
    }

    @Test
    @DisplayName("a multi-platform index whose tag was deleted goes under deleteUntagged with every platform image")
    void indexUntaggedCollected() {
        start("0s", "7d");
        Content amd64 = pushByDigest(push.imageManifest(REPO));
        Content arm64 = pushByDigest(push.imageManifest(REPO));
        Content index =
                push.manifest(REPO, "multi", Content.json(MediaTypes.OCI_INDEX, Manifests.ociIndex(amd64, arm64)));
        api.delete("/v2/" + REPO + "/manifests/multi").hasStatus(202);

        JsonObject report = collect("{\"deleteUntagged\": true}");

        assertThat(report.getInteger("manifestsDeleted")).isEqualTo(3);
        assertThat(report.getInteger("blobsDeleted"))
                .as("the index, and two platform manifests with a config and a layer each")
                .isEqualTo(7);
        assertThat(blobFile(index)).doesNotExist();
    }

    private Content pushByDigest(Content manifest) {
        return push.manifest(REPO, manifest.digest().toString(), manifest);
    }

    @Test
    @DisplayName("without deleteUntagged, untagged manifests and their blobs are kept")
    void keepsUntaggedByDefault() {
        start("0s", "7d");
        Content old = push.image(REPO, "latest");
        push.image(REPO, "latest");

        JsonObject report = collect("");

        assertThat(report.getInteger("manifestsDeleted")).isZero();
        assertThat(report.getInteger("blobsDeleted")).isZero();
        api.get("/v2/" + REPO + "/manifests/" + old.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
    }

    @Test
    @DisplayName(
            "a tag whose link holds no digest is passed over: the collection runs, and the tags that resolve keep their images")
    void damagedTagLinkPassedOver() throws IOException {
        start("0s", "7d");
        Content tagged = push.image(REPO, "1.0");
        Content orphan = push.randomBlob(REPO, 100);
        Path damaged = server.dataDir()
                .resolve("docker/registry/v2/repositories/" + REPO + "/_manifests/tags/broken/current/link");
        Files.createDirectories(damaged.getParent());
        Files.writeString(damaged, "no digest");

        JsonObject report = collect("{\"deleteUntagged\": true}");

        assertThat(report.getInteger("manifestsDeleted")).isZero();
        assertThat(report.getInteger("blobsDeleted")).isEqualTo(1);
        assertThat(blobFile(orphan)).doesNotExist();
        api.get("/v2/" + REPO + "/manifests/" + tagged.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
    }

    @Test
    @DisplayName("upload sessions older than uploads.purgeAfter are purged; a session is otherwise left alone")
    void purgesStaleUploads() throws Exception {
        start("0s", "1h");
        String stale = api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0])
                .hasStatus(202)
                .header("Location");
        String fresh = api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0])
                .hasStatus(202)
                .header("Location");
        Path staleDir = server.dataDir()
                .resolve("docker/registry/v2/repositories/" + REPO + "/_uploads/"
                        + stale.substring(stale.lastIndexOf('/') + 1));
        try (var files = Files.walk(staleDir)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
            }
        }

        JsonObject report = collect("");

        assertThat(report.getInteger("uploadsPurged")).isEqualTo(1);
        assertThat(staleDir).doesNotExist();
        api.get(stale).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.get(fresh).hasStatus(204);
    }

    @Test
    @DisplayName("a body that is no JSON object is refused with the spec's error shape, and nothing is collected")
    void badBody() {
        start("0s", "7d");
        Content orphan = push.randomBlob(REPO, 100);

        Reply reply = api.post("/_berth/admin/gc", "dry".getBytes(), "Content-Type", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("UNSUPPORTED");
        assertThat(blobFile(orphan)).exists();
    }
}
