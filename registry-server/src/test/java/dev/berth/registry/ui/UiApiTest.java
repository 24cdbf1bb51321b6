package dev.berth.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The web UI's JSON API on an open registry")
class UiApiTest {
    private static final String DELETE_HEADER = "X-Berth-UI";
    private static final String XSS_LABEL = "<script>alert('label')</script>";
    private static final String XSS_ANNOTATION = "<img src=x onerror=alert('annotation')>";

    @TempDir
    Path dataDir;

    private InProcessBerth registry;
    private RegistryClient http;
    private UiImages images;

    @BeforeEach
    void start() {
        registry = InProcessBerth.start(dataDir, Map.of());
        http = registry.client();
        images = new UiImages(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    @DisplayName("/ redirects to /ui/, which serves the page with a policy that allows only this origin's scripts")
    void servesThePage() {
        http.get("/").hasStatus(302).hasHeader("Location", "/ui/");
        Reply page = http.get("/ui/").hasStatus(200);

        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.text()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(http.get("/ui/app.js").hasStatus(200).header("Content-Type")).startsWith("text/javascript");
        http.get("/ui/no-such-file.js").isError(404, "UNSUPPORTED");
    }

    @Test
    @DisplayName("ui.enabled false serves neither the pages nor their API, and / is no redirect")
    void switchedOff() {
        registry.close();
        registry = InProcessBerth.start(dataDir, Map.of("BERTH_UI_ENABLED", "false"));
        http = registry.client();

        http.get("/ui/").isError(404, "UNSUPPORTED");
        http.get("/_berth/ui-api/session").isError(404, "UNSUPPORTED");
        http.get("/").isError(404, "UNSUPPORTED");
    }

    @Test
    @DisplayName("the catalog finds repositories by substring and by glob, a page at a time with the next page's start")
    void searchAndPaging() {
        for (String name : List.of("team-a/web", "team-a/api", "team-b/web", "tools/web-proxy", "other")) {
            images.tiny(name);
        }

        assertThat(names(http.get("/_berth/ui-api/repositories?q=web")))
                .containsExactly("team-a/web", "team-b/web", "tools/web-proxy");
        assertThat(names(http.get("/_berth/ui-api/repositories?q=team-*/web")))
                .containsExactly("team-a/web", "team-b/web");
        assertThat(names(http.get("/_berth/ui-api/repositories?q=team-?/a*"))).containsExactly("team-a/api");

        JsonNode first =
                http.get("/_berth/ui-api/repositories?n=2").hasStatus(200).json();
        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(names(first)).containsExactly("other", "team-a/api");
        JsonNode second = http.get("/_berth/ui-api/repositories?n=2&last="
                        + first.get("next").asText())
                .hasStatus(200)
                .json();
        assertThat(names(second)).containsExactly("team-a/web", "team-b/web");
        assertThat(first.get("repositories").get(0).get("tags").asInt()).isEqualTo(1);
        assertThat(first.get("repositories").get(0).get("lastPush").asText()).isNotEmpty();
    }

    @Test
    @DisplayName(
            "a repository's tags come with digest, kind, platforms, size and created time; an index lists both platforms")
    void tagList() {
        UiImages.Pushed image = images.image("app", "1.0", "amd64", Map.of());
        images.index("app", "multi");

        JsonNode tags = http.get("/_berth/ui-api/repositories/app/tags")
                .hasStatus(200)
                .json()
                .get("tags");

        JsonNode single = tags.get(0);
        assertThat(single.get("tag").asText()).isEqualTo("1.0");
        assertThat(single.get("digest").asText()).isEqualTo(image.digest());
        assertThat(single.get("kind").asText()).isEqualTo("image");
        assertThat(single.get("platforms").get(0).asText()).isEqualTo("linux/amd64");
        assertThat(single.get("size").asLong()).isEqualTo(image.layerSize());
        assertThat(single.get("created").asText()).startsWith("2026-11-0");
        JsonNode multi = tags.get(1);
        assertThat(multi.get("kind").asText()).isEqualTo("index");
        assertThat(multi.get("platforms"))
                .extracting(JsonNode::asText)
                .containsExactly("linux/amd64", "linux/arm64/v8");
    }

    @Test
    @DisplayName("an image's details hold its config, its history with each layer's size, its layers and its referrers")
    void imageDetails() {
        UiImages.Pushed image = images.image("app", "1.0", "amd64", Map.of("org.example.team", "platform"));
        String sbom = images.referrer("app", image.digest(), Map.of("org.example.kind", "sbom"));

        JsonNode page = http.get("/_berth/ui-api/repositories/app/images/" + image.digest())
                .hasStatus(200)
                .json();

        JsonNode config = page.get("config");
        assertThat(config.get("entrypoint").get(0).asText()).isEqualTo("/bin/busybox");
        assertThat(config.get("cmd")).extracting(JsonNode::asText).containsExactly("httpd", "-f");
        assertThat(config.get("env")).extracting(JsonNode::asText).contains("GREETING=hello");
        assertThat(config.get("workingDir").asText()).isEqualTo("/srv");
        assertThat(config.get("user").asText()).isEqualTo("1000:1000");
        assertThat(config.get("exposedPorts").get(0).asText()).isEqualTo("8080/tcp");
        assertThat(config.get("labels").get("org.example.team").asText()).isEqualTo("platform");
        JsonNode history = page.get("history");
        assertThat(history.get(0).get("createdBy").asText()).isEqualTo("ADD rootfs.tar /");
        assertThat(history.get(0).get("layerSize").asLong()).isEqualTo(image.layerSize());
        assertThat(history.get(1).get("emptyLayer").asBoolean()).isTrue();
        assertThat(page.get("layers").get(0).get("digest").asText()).isEqualTo(image.layerDigest());
        JsonNode referrer = page.get("referrers").get(0);
        assertThat(referrer.get("digest").asText()).isEqualTo(sbom);
        assertThat(referrer.get("artifactType").asText()).isEqualTo(UiImages.SBOM_TYPE);
        assertThat(page.get("manifest").asText()).contains(image.layerDigest());
        assertThat(page.get("canDelete").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("an image's referrers come grouped by artifact type: signatures together, SBOMs together")
    void referrersByArtifactType() {
        String signature = "application/vnd.dev.cosign.artifact.sig.v1+json";
        UiImages.Pushed image = images.image("app", "1.0", "amd64", Map.of());
        for (int i = 0; i < 3; i++) {
            images.referrer("app", image.digest(), signature, Map.of("n", "sig" + i));
            images.referrer("app", image.digest(), UiImages.SBOM_TYPE, Map.of("n", "sbom" + i));
        }

        JsonNode referrers = http.get("/_berth/ui-api/repositories/app/images/" + image.digest())
                .hasStatus(200)
                .json()
                .get("referrers");

        assertThat(referrers)
                .extracting(referrer -> referrer.get("artifactType").asText())
                .containsExactly(
                        UiImages.SBOM_TYPE, UiImages.SBOM_TYPE, UiImages.SBOM_TYPE, signature, signature, signature);
    }

    @Test
    @DisplayName("an unknown repository is NAME_UNKNOWN (404) and a name outside the grammar NAME_INVALID (400)")
    void unknownRepository() {
        http.get("/_berth/ui-api/repositories/no/such/tags").isError(404, "NAME_UNKNOWN");
        http.get("/_berth/ui-api/repositories/Bad%20Name/tags").isError(400, "NAME_INVALID");
        http.get("/_berth/ui-api/repositories/%3Cscript%3E/tags").isError(400, "NAME_INVALID");
    }

    @Test
    @DisplayName(
            "a malformed digest is DIGEST_INVALID (400); a well-formed one the repository lacks is MANIFEST_UNKNOWN (404)")
    void badDigest() {
        images.tiny("app");

        http.get("/_berth/ui-api/repositories/app/images/sha256:xyz").isError(400, "DIGEST_INVALID");
        http.get("/_berth/ui-api/repositories/app/images/sha256:" + "0".repeat(64))
                .isError(404, "MANIFEST_UNKNOWN");
        http.delete("/_berth/ui-api/repositories/app/manifests/sha256:xyz", DELETE_HEADER, "delete")
                .isError(400, "DIGEST_INVALID");
        assertThat(tagsOf("app")).containsExactly("latest");
    }

    @Test
    @DisplayName("markup in labels and annotations comes back as JSON strings, byte for byte, never as HTML")
    void markupStaysData() {
        UiImages.Pushed image = images.image("app", "1.0", "amd64", Map.of("evil", XSS_LABEL));
        images.referrer("app", image.digest(), Map.of("evil", XSS_ANNOTATION));

        Reply reply = http.get("/_berth/ui-api/repositories/app/images/" + image.digest())
                .hasStatus(200);

        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.json().get("config").get("labels").get("evil").asText())
                .isEqualTo(XSS_LABEL);
        assertThat(reply.json()
                        .get("referrers")
                        .get(0)
                        .get("annotations")
                        .get("evil")
                        .asText())
                .isEqualTo(XSS_ANNOTATION);
    }

    @Test
    @DisplayName(
            "a delete without the UI's header (what a forged cross-site request lacks) is refused and deletes nothing")
    void deleteNeedsTheHeader() {
        images.image("app", "1.0", "amd64", Map.of());

        http.delete("/_berth/ui-api/repositories/app/tags/1.0").isError(403, "DENIED");
        http.delete("/_berth/ui-api/repositories/app/tags/1.0", DELETE_HEADER, "yes")
                .isError(403, "DENIED");
        http.post("/_berth/ui-api/repositories/app/tags/1.0", new byte[0], "Content-Type", "text/plain")
                .isError(405, "UNSUPPORTED");
        assertThat(tagsOf("app")).containsExactly("1.0");

        http.delete("/_berth/ui-api/repositories/app/tags/1.0", DELETE_HEADER, "delete")
                .hasStatus(200);
        assertThat(tagsOf("app")).isEmpty();
    }

    @Test
    @DisplayName("a delete through the UI in a repository an upstream serves is DENIED naming the upstream")
    void mirroredRepositoryNotDeleted() {
        registry.close();
        // Nothing listens on port 9: the refusal comes from the configuration, before any upstream is asked.
        registry = InProcessBerth.start(
                dataDir,
                Map.of(
                        "BERTH_PROXY_UPSTREAMS",
                        "[{\"name\": \"hub\", \"url\": \"http://127.0.0.1:9\", \"repositories\": \"hub/**\"}]"));
        http = registry.client();

        Reply refused = http.delete("/_berth/ui-api/repositories/hub/library/busybox/tags/1.0", DELETE_HEADER, "delete")
                .isError(403, "DENIED");
        assertThat(refused.text()).contains("upstream hub");
    }

    @Test
    @DisplayName("deleting a manifest by digest removes it and its tags; an unknown tag is MANIFEST_UNKNOWN")
    void deleteManifest() {
        UiImages.Pushed image = images.image("app", "1.0", "amd64", Map.of());
        images.tiny("app");

        http.delete("/_berth/ui-api/repositories/app/tags/nope", DELETE_HEADER, "delete")
                .isError(404, "MANIFEST_UNKNOWN");
        http.delete("/_berth/ui-api/repositories/app/manifests/" + image.digest(), DELETE_HEADER, "delete")
                .hasStatus(200);

        assertThat(tagsOf("app")).containsExactly("latest");
        http.get("/v2/app/manifests/" + image.digest()).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName(
            "the status page counts repositories and blobs and the bytes they take, and says the version and the last GC")
    void status() {
        images.image("app", "1.0", "amd64", Map.of());
        images.tiny("other");

        JsonNode status = http.get("/_berth/ui-api/status").hasStatus(200).json();

        assertThat(status.get("repositories").asInt()).isEqualTo(2);
        assertThat(status.get("storage").get("blobs").asInt()).isEqualTo(5);
        assertThat(status.get("storage").get("bytes").asLong()).isGreaterThan(1500);
        assertThat(status.get("version").asText()).isNotEmpty();
        assertThat(status.get("lastGc").isNull()).isTrue();
        assertThat(http.get("/_berth/ui-api/session").json().get("auth").asText())
                .isEqualTo("off");
    }

    private List<String> tagsOf(String repository) {
        return registryTags(http.get("/v2/" + repository + "/tags/list"));
    }

    private static List<String> registryTags(Reply reply) {
        return reply.status() == 404 ? List.of() : reply.hasStatus(200).strings("tags");
    }

    private static List<String> names(Reply reply) {
        return names(reply.hasStatus(200).json());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("repositories")
                .forEach(repository -> names.add(repository.get("name").asText()));
        return names;
    }
}
