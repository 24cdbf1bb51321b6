package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The registry:2 storage layout")
class StorageLayoutTest extends ApiTest {
    private static final String REPO = "team/app";

    private Path v2() {
        return server.dataDir().resolve("docker/registry/v2");
    }

    private Path repository() {
        return v2().resolve("repositories/" + REPO);
    }

    private Path blobData(Digest digest) {
        return v2().resolve("blobs/sha256/" + digest.encoded().substring(0, 2) + "/" + digest.encoded() + "/data");
    }

    private static void assertLink(Path link, Digest digest) throws IOException {
        assertThat(link).isRegularFile();
        assertThat(Files.readString(link, StandardCharsets.UTF_8)).isEqualTo("sha256:" + digest.encoded());
    }

    @Test
    @DisplayName("a pushed blob lives at blobs/sha256/<2 hex>/<hex>/data and is linked from the repository's _layers")
    void blobLayout() throws IOException {
        Content blob = push.randomBlob(REPO, 500);

        assertThat(blobData(blob.digest())).hasBinaryContent(blob.bytes());
        assertLink(repository().resolve("_layers/sha256/" + blob.digest().encoded() + "/link"), blob.digest());
    }

    @Test
    @DisplayName("a tagged manifest is a blob, a revision link, and the tag's current and index links")
    void manifestLayout() throws IOException {
        Content manifest = push.image(REPO, "v1");
        String hex = manifest.digest().encoded();

        assertThat(blobData(manifest.digest())).hasBinaryContent(manifest.bytes());
        assertLink(repository().resolve("_manifests/revisions/sha256/" + hex + "/link"), manifest.digest());
        assertLink(repository().resolve("_manifests/tags/v1/current/link"), manifest.digest());
        assertLink(repository().resolve("_manifests/tags/v1/index/sha256/" + hex + "/link"), manifest.digest());
    }

    @Test
    @DisplayName("a finished upload leaves nothing behind under _uploads")
    void uploadsAreCleanedUp() throws IOException {
        String location = Uploads.open(api, REPO);
        Content blob = Content.random(300);
        Uploads.chunk(api, location, blob.bytes(), 0, 100).hasStatus(202);
        api.put(
                        RegistryClient.withQuery(location, "digest=" + blob.digest()),
                        Arrays.copyOfRange(blob.bytes(), 100, 300))
                .hasStatus(201);
        push.randomBlob(REPO, 10);

        Path uploads = repository().resolve("_uploads");
        if (Files.exists(uploads)) {
            try (Stream<Path> left = Files.list(uploads)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a registry:2 data directory written without Berth is served as-is")
    void servesExistingLayout() throws IOException {
        byte[] config = "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = "layer bytes".getBytes(StandardCharsets.UTF_8);
        Content configBlob = new Content(MediaTypes.OCI_CONFIG, config);
        Content layerBlob = new Content(MediaTypes.OCI_LAYER_TAR, layer);
        Content manifest = Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(configBlob, layerBlob));
        for (Content content : new Content[] {configBlob, layerBlob, manifest}) {
            write(blobData(content.digest()), content.bytes());
        }
        for (Content blob : new Content[] {configBlob, layerBlob}) {
            writeLink(repository().resolve("_layers/sha256/" + blob.digest().encoded() + "/link"), blob.digest());
        }
        String hex = manifest.digest().encoded();
        writeLink(repository().resolve("_manifests/revisions/sha256/" + hex + "/link"), manifest.digest());
        writeLink(repository().resolve("_manifests/tags/old/current/link"), manifest.digest());
        writeLink(repository().resolve("_manifests/tags/old/index/sha256/" + hex + "/link"), manifest.digest());

        Reply pulled = api.get("/v2/" + REPO + "/manifests/old");

        pulled.hasStatus(200).hasHeader("Content-Type", MediaTypes.OCI_MANIFEST);
        assertThat(pulled.body()).isEqualTo(manifest.bytes());
        assertThat(api.get("/v2/" + REPO + "/blobs/" + layerBlob.digest()).body())
                .isEqualTo(layer);
        assertThat(api.get("/v2/" + REPO + "/tags/list").strings("tags")).containsExactly("old");
        assertThat(api.get("/v2/_catalog").strings("repositories")).containsExactly(REPO);
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static void writeLink(Path link, Digest digest) throws IOException {
        write(link, digest.toString().getBytes(StandardCharsets.UTF_8));
    }
}
