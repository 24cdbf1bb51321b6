package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Deleting manifests and tags")
class ManifestDeleteTest extends ApiTest {
    private static final String REPO = "library/delete";

    private String url(Object reference) {
        return "/v2/" + REPO + "/manifests/" + reference;
    }

    private List<String> tags() {
        return api.get("/v2/" + REPO + "/tags/list").hasStatus(200).strings("tags");
    }

    @Test
    @DisplayName("DELETE by tag answers 202 and removes the tag; the manifest stays reachable by digest")
    void byTag() {
        Content manifest = push.image(REPO, "v1");
        push.manifest(REPO, "v2", manifest);

        api.delete(url("v1")).hasStatus(202);

        api.get(url("v1")).isError(404, "MANIFEST_UNKNOWN");
        api.get(url("v2")).hasStatus(200);
        api.get(url(manifest.digest())).hasStatus(200);
        assertThat(tags()).containsExactly("v2");
    }

    @Test
    @DisplayName("DELETE by digest answers 202 and removes the manifest and every tag on it")
    void byDigest() {
        Content manifest = push.image(REPO, "v1");
        push.manifest(REPO, "also", manifest);
        Content other = push.image(REPO, "other");

        api.delete(url(manifest.digest())).hasStatus(202);

        api.get(url(manifest.digest())).isError(404, "MANIFEST_UNKNOWN");
        api.head(url(manifest.digest())).isBodylessError(404);
        api.get(url("v1")).isError(404, "MANIFEST_UNKNOWN");
        api.get(url("also")).isError(404, "MANIFEST_UNKNOWN");
        api.get(url("other")).hasHeader("Docker-Content-Digest", other.digest().toString());
        assertThat(tags()).containsExactly("other");
    }

    @Test
    @DisplayName("DELETE of an unknown tag or digest answers 404 MANIFEST_UNKNOWN")
    void unknown() {
        push.image(REPO, "v1");

        api.delete(url("nope")).isError(404, "MANIFEST_UNKNOWN");
        api.delete(url(Content.random(1).digest())).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("DELETE of a tag whose directory holds no current link (an object store's half-deleted tree)"
            + " answers 404 MANIFEST_UNKNOWN, as GET does")
    void tagWithoutCurrentLink() throws IOException {
        Content manifest = push.image(REPO, "v1");
        Path leftover = server.dataDir()
                .resolve("docker/registry/v2/repositories/" + REPO + "/_manifests/tags/half/index/sha256/"
                        + manifest.digest().encoded() + "/link");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, manifest.digest().toString());

        api.get(url("half")).isError(404, "MANIFEST_UNKNOWN");
        api.delete(url("half")).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a deleted manifest can be pushed again")
    void pushAgain() {
        Content manifest = push.image(REPO, "v1");
        api.delete(url(manifest.digest())).hasStatus(202);

        push.manifest(REPO, "v1", manifest);

        api.get(url("v1")).hasStatus(200);
        api.get(url(manifest.digest())).hasStatus(200);
    }
}
