package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.BerthClient;
import dev.berth.client.ClientOptions;
import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.PullPolicy;
import dev.berth.client.TestLayouts;
import dev.berth.client.auth.CredentialSource;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The images berth run pulled, in its layout cache (filled here through the same image source run uses). */
@DisplayName("berth images, rmi and image prune on the layout cache")
class LocalImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InProcessBerth registry;
    private static String host;

    @TempDir
    Path temp;

    private Path cache;
    private LayoutCacheImageSource images;

    @BeforeAll
    static void startRegistry(@TempDir Path data) {
        registry = InProcessBerth.start(data, false);
        host = registry.url().getAuthority();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void cache() {
        cache = temp.resolve("cache");
        images = new LayoutCacheImageSource(
                new BerthClient(ClientOptions.defaults(), CredentialSource.NONE), cache, ProgressListener.NONE);
    }

    @Test
    @DisplayName("images lists repository, tag, digest, size and created of each cached image, as text or JSON")
    void lists() throws IOException {
        Descriptor app = push("app", "1.0", 51, 2000, 3000);
        Descriptor tool = push("tool", "2", 52, 1000);
        images.fetch(host + "/local/app:1.0", PullPolicy.MISSING);
        images.fetch(host + "/local/tool:2", PullPolicy.MISSING);

        CliRun text = berth(env(), "images");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .contains("REPOSITORY", "TAG", "DIGEST", "SIZE", "CREATED");
        assertThat(text.out())
                .contains(host + "/local/app", "1.0", app.digest().toString().substring(0, 19));

        JsonNode json = JSON.readTree(berth(env(), "images", "--format", "json").out());
        assertThat(json).hasSize(2);
        JsonNode first = json.get(0);
        assertThat(first.path("Repository").asText()).isEqualTo(host + "/local/app");
        assertThat(first.path("Tag").asText()).isEqualTo("1.0");
        assertThat(first.path("Digest").asText()).isEqualTo(app.digest().toString());
        assertThat(first.path("Size").asLong()).isGreaterThan(5000);
        assertThat(first.has("Created")).isTrue();
        assertThat(json.get(1).path("Digest").asText()).isEqualTo(tool.digest().toString());
    }

    @Test
    @DisplayName("rmi removes an image and the blobs only it needed; the other images stay whole")
    void rmi() {
        Descriptor app = push("app", "1.0", 53, 2000);
        Descriptor tool = push("tool", "2", 54, 1000);
        images.fetch(host + "/local/app:1.0", PullPolicy.MISSING);
        images.fetch(host + "/local/tool:2", PullPolicy.MISSING);

        CliRun rmi = berth(env(), "rmi", host + "/local/app:1.0");
        assertThat(rmi.exitCode()).as(rmi.err()).isZero();
        assertThat(rmi.out()).contains("Untagged " + host + "/local/app:1.0", "Deleted 3 blobs");

        OciLayout layout = OciLayout.open(cache);
        assertThat(layout.entries()).hasSize(1);
        assertThat(layout.blobPath(app.digest())).doesNotExist();
        for (Descriptor blob : layout.readManifest(tool).requiredBlobs()) {
            assertThat(layout.blobPath(blob.digest())).exists();
        }

        CliRun unknown = berth(env(), "rmi", host + "/local/nothing:1");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).contains("no such image in the layout cache");
    }

    @Test
    @DisplayName("image prune deletes the blobs of an image whose tag moved on, and keeps those of the tagged one")
    void prune() {
        Descriptor old = push("app", "1.0", 55, 2000);
        images.fetch(host + "/local/app:1.0", PullPolicy.MISSING);
        Descriptor current = push("app", "1.0", 56, 2000);
        images.fetch(host + "/local/app:1.0", PullPolicy.ALWAYS);

        CliRun prune = berth(env(), "image", "prune");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("Deleted 3 blobs");

        OciLayout layout = OciLayout.open(cache);
        assertThat(layout.blobPath(old.digest())).doesNotExist();
        assertThat(layout.find(host + "/local/app:1.0").digest()).isEqualTo(current.digest());
        assertThat(berth(env(), "image", "prune").out()).contains("Deleted 0 blobs");
    }

    @Test
    @DisplayName("tags and catalog print JSON arrays with --format json")
    void jsonListings() throws IOException {
        push("listed", "a", 57, 100);
        push("listed", "b", 57, 100);

        assertThat(JSON.readTree(berth(env(), "tags", "--format", "json", host + "/local/listed")
                                .out())
                        .toString())
                .isEqualTo("[\"a\",\"b\"]");
        JsonNode catalog =
                JSON.readTree(berth(env(), "catalog", "--format", "json", host).out());
        assertThat(catalog.isArray()).isTrue();
        assertThat(catalog.toString()).contains("\"local/listed\"");
    }

    private Descriptor push(String name, String tag, long seed, int... layerSizes) {
        Path src = temp.resolve("src-" + seed);
        Descriptor image = TestLayouts.image(src, "v1", seed, layerSizes);
        CliRun push = berth(env(), "push", "-q", src + ":v1", host + "/local/" + name + ":" + tag);
        assertThat(push.exitCode()).as(push.err()).isZero();
        return image;
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString(), "BERTH_CACHE", cache.toString());
    }
}
