package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.oci.Digest;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.registry.DistributionProcess;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-through mirror against a real upstream: Debian's docker-registry (registry:2) holding
 * {@code library/busybox}, mirrored three ways: under {@code hub/} (revalidating tags on every
 * pull), under {@code cached/} (tags kept for an hour) and as {@code library/**} itself, the
 * names docker's registry-mirrors asks for.
 */
@DisplayName("Pull-through mirror of a registry:2 upstream")
class MirrorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DistributionProcess upstream;
    private RegistryApi upstreamApi;
    private InProcessBerth berth;
    private RegistryApi api;
    private RegistryClient client;

    @BeforeEach
    void start() throws Exception {
        upstream = DistributionProcess.start(dir.resolve("upstream"));
        upstreamApi = new RegistryApi(upstream.baseUrl());
        berth = InProcessBerth.start(dir.resolve("berth"), Map.of("BERTH_PROXY_UPSTREAMS", upstreams(upstream)));
        api = new RegistryApi(berth.url());
        client = berth.client();
    }

    static String upstreams(DistributionProcess upstream) {
        String url = upstream.baseUrl().toString();
        return "[{\"name\": \"hub\", \"url\": \"" + url + "\", \"repositories\": \"hub/**\", \"remote\": \"**\","
                + " \"tagTtl\": \"0s\"},"
                + " {\"name\": \"hub-cached\", \"url\": \"" + url + "\", \"repositories\": \"cached/**\","
                + " \"remote\": \"**\", \"tagTtl\": \"1h\"},"
                + " {\"name\": \"dockerhub-mirror\", \"url\": \"" + url + "\", \"repositories\": \"library/**\"}]";
    }

    @AfterEach
    void stop() {
        if (berth != null) {
            berth.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    /** Pushes an image to the upstream; answers its manifest's digest. */
    private String pushUpstream(String repository, String tag, String content) {
        byte[] manifest = upstreamApi.manifestOverNewBlobs(
                repository, content.getBytes(StandardCharsets.UTF_8), repository + ":" + tag + ":" + content);
        return upstreamApi.putManifest(repository, tag, manifest);
    }

    private static List<String> blobsOf(byte[] manifest) throws Exception {
        JsonNode json = JSON.readTree(manifest);
        List<String> blobs = new java.util.ArrayList<>();
        blobs.add(json.path("config").path("digest").asText());
        json.path("layers").forEach(layer -> blobs.add(layer.path("digest").asText()));
        return blobs;
    }

    @Test
    @DisplayName("An image pulls through the hub/ prefix and as library/**, byte for byte, with every blob verified")
    void pullsThrough() throws Exception {
        String digest = pushUpstream("library/busybox", "1", "busybox one");
        byte[] upstreamManifest =
                upstreamApi.getManifest("library/busybox", "1").body();

        for (String repository : List.of("hub/library/busybox", "library/busybox")) {
            Reply manifest = api.getManifest(repository, "1").hasStatus(200);
            assertThat(manifest.body()).isEqualTo(upstreamManifest);
            assertThat(manifest.header("Docker-Content-Digest")).isEqualTo(digest);
            for (String blob : blobsOf(manifest.body())) {
                Measured pulled = api.readBlob(repository, blob);
                assertThat(pulled.digest()).hasToString(blob);
            }
            assertThat(api.getManifest(repository, digest).hasStatus(200).body())
                    .isEqualTo(upstreamManifest);
        }
        // Cached content is ordinary content: listed like any pushed image.
        assertThat(api.tags("hub/library/busybox")).containsExactly("1");
        api.getManifest("hub/library/busybox", digest).hasStatus(200);
        String metrics = client.get("/metrics").text();
        assertThat(metrics).containsPattern("berth_mirror_misses_total\\{upstream=\"hub\"\\} [1-9]");
        assertThat(metrics).containsPattern("berth_mirror_hits_total\\{upstream=\"hub\"\\} [1-9]");
        assertThat(metrics).containsPattern("berth_mirror_misses_total\\{upstream=\"dockerhub-mirror\"\\} [1-9]");
    }

    @Test
    @DisplayName("A second pull of a blob is served from the store: the upstream's copy may be gone")
    void blobsAreKept() throws Exception {
        pushUpstream("library/busybox", "1", "kept");
        byte[] manifest =
                api.getManifest("cached/library/busybox", "1").hasStatus(200).body();
        String layer = blobsOf(manifest).get(1);
        api.readBlob("cached/library/busybox", layer);

        upstream.close();
        upstream = null;

        assertThat(api.readBlob("cached/library/busybox", layer).digest()).hasToString(layer);
        assertThat(api.headBlob("cached/library/busybox", layer).status()).isEqualTo(200);
        assertThat(api.getManifest("cached/library/busybox", "1").status()).isEqualTo(200);
    }

    @Test
    @DisplayName(
            "Pushes and deletes to a mirrored repository are DENIED naming the upstream; ordinary repositories take pushes")
    void mirroredRepositoriesRefuseWrites() throws Exception {
        String pushed = pushUpstream("library/busybox", "1", "upstream");
        client.post("/v2/hub/library/busybox/blobs/uploads/", new byte[0])
                .isError(403, "DENIED")
                .text()
                .contains("hub");
        assertThat(client.post("/v2/library/busybox/blobs/uploads/", new byte[0])
                        .isError(403, "DENIED")
                        .text())
                .contains("upstream dockerhub-mirror");
        assertThat(client.delete("/v2/hub/library/busybox/manifests/" + pushed)
                        .isError(403, "DENIED")
                        .text())
                .contains("upstream hub");

        byte[] manifest = api.manifestOverNewBlobs("team/app", "local".getBytes(StandardCharsets.UTF_8), "app");
        String digest = api.putManifest("team/app", "v1", manifest);
        assertThat(api.getManifest("team/app", "v1").header("Docker-Content-Digest"))
                .isEqualTo(digest);
    }

    @Test
    @DisplayName("A tag or blob the upstream lacks is the spec's MANIFEST_UNKNOWN or BLOB_UNKNOWN, naming the upstream")
    void unknownUpstreamContent() {
        pushUpstream("library/busybox", "1", "one");
        assertThat(api.getManifest("hub/library/busybox", "nope")
                        .isError(404, "MANIFEST_UNKNOWN")
                        .text())
                .contains("upstream hub");
        assertThat(api.getManifest("hub/library/absent", "1")
                        .isError(404, "MANIFEST_UNKNOWN")
                        .text())
                .contains("upstream hub");
        String missing =
                Digest.sha256("nothing".getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(client.get("/v2/hub/library/busybox/blobs/" + missing)
                        .isError(404, "BLOB_UNKNOWN")
                        .text())
                .contains("upstream hub");
    }

    @Test
    @DisplayName(
            "With the upstream stopped, a tag pulled before still pulls (stale) and an uncached one fails naming the upstream")
    void offline() throws Exception {
        String digest = pushUpstream("library/busybox", "1", "offline");
        pushUpstream("library/busybox", "2", "never pulled");
        byte[] manifest =
                api.getManifest("hub/library/busybox", "1").hasStatus(200).body();
        for (String blob : blobsOf(manifest)) {
            api.readBlob("hub/library/busybox", blob);
        }

        upstream.close();
        upstream = null;

        Reply stale = api.getManifest("hub/library/busybox", "1").hasStatus(200);
        assertThat(stale.header("Docker-Content-Digest")).isEqualTo(digest);
        for (String blob : blobsOf(stale.body())) {
            assertThat(api.readBlob("hub/library/busybox", blob).digest()).hasToString(blob);
        }
        Reply uncached = api.getManifest("hub/library/busybox", "2");
        assertThat(uncached.status()).isEqualTo(502);
        assertThat(uncached.text()).contains("upstream hub").contains("cannot be reached");
        assertThat(berth.client().get("/metrics").text())
                .containsPattern("berth_mirror_stale_serves_total\\{upstream=\"hub\"\\} [1-9]");
    }

    @Test
    @DisplayName("A tag moved upstream is seen once its tagTtl is over, and not before")
    void movedTag() {
        String first = pushUpstream("library/busybox", "latest", "first");
        assertThat(api.getManifest("hub/library/busybox", "latest").header("Docker-Content-Digest"))
                .isEqualTo(first);
        assertThat(api.getManifest("cached/library/busybox", "latest").header("Docker-Content-Digest"))
                .isEqualTo(first);

        String second = pushUpstream("library/busybox", "latest", "second");

        assertThat(second).isNotEqualTo(first);
        assertThat(api.getManifest("hub/library/busybox", "latest").header("Docker-Content-Digest"))
                .as("tagTtl 0s: asked again on every pull")
                .isEqualTo(second);
        assertThat(api.getManifest("cached/library/busybox", "latest").header("Docker-Content-Digest"))
                .as("tagTtl 1h: the cached tag is used")
                .isEqualTo(first);
    }

    @Test
    @DisplayName(
            "An upstream that sends wrong bytes for a digest is caught: the client gets an error and nothing is stored")
    void lyingUpstream() throws Exception {
        pushUpstream("library/busybox", "1", "the true content of this layer");
        byte[] manifest =
                api.getManifest("hub/library/busybox", "1").hasStatus(200).body();
        String layer = blobsOf(manifest).get(1);
        Path upstreamData = upstream.dataDir()
                .resolve("docker/registry/v2/blobs/sha256/" + layer.substring(7, 9) + "/" + layer.substring(7)
                        + "/data");
        Files.writeString(upstreamData, "the false content of this layer");

        // A client streaming along with the fill has its headers already: its connection is cut
        // before the last bytes, so it never holds a blob that looks whole.
        assertThatThrownBy(() -> client.get("/v2/hub/library/busybox/blobs/" + layer))
                .hasRootCauseInstanceOf(EOFException.class);
        // One that waits for the verified blob (a ranged GET does) gets the spec's error body.
        Reply lied = client.get("/v2/hub/library/busybox/blobs/" + layer, "Range", "bytes=0-3");
        assertThat(lied.status()).isEqualTo(502);
        assertThat(lied.text())
                .contains("upstream hub")
                .contains("does not match")
                .contains("nothing was kept");
        assertThat(berth.dataDir()
                        .resolve("docker/registry/v2/blobs/sha256/" + layer.substring(7, 9) + "/" + layer.substring(7)))
                .doesNotExist();
        assertThat(berth.dataDir()
                        .resolve("docker/registry/v2/repositories/hub/library/busybox/_layers/sha256/"
                                + layer.substring(7)))
                .doesNotExist();
    }
}
