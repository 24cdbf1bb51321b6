package dev.berth.registry.ops;

import static java.net.http.HttpRequest.BodyPublishers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Read-only mode")
class ReadOnlyModeTest {
    private static final String BLOB = "a layer";
    private static final String MANIFEST =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"%s\",\"size\":%d},\"layers\":[]}";

    @TempDir
    Path root;

    @Test
    @DisplayName(
            "Switched on through the admin API, refuses uploads, manifest pushes and deletes with 405 UNSUPPORTED while pulls work; switched off, writes work again")
    void switchedAtRuntime() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of())) {
            RegistryClient api = registry.client();
            assertThat(api.get("/_berth/admin/read-only").text()).isEqualTo("{\"readOnly\":false}");
            pushBlob(api, 201);
            String manifestPath = "/v2/app/manifests/v1";
            assertThat(api.send("PUT", manifestPath, ofString(manifest())).status())
                    .isEqualTo(201);

            Reply switched = api.send("PUT", "/_berth/admin/read-only", ofString("{\"readOnly\":true}"));
            assertThat(switched.status()).isEqualTo(200);
            assertThat(switched.text()).isEqualTo("{\"readOnly\":true}");

            assertRefused(api.post("/v2/app/blobs/uploads/", new byte[0]));
            assertRefused(api.send("PUT", "/v2/app/manifests/v2", ofString(manifest())));
            assertRefused(api.delete(manifestPath));
            assertThat(api.get(manifestPath).status()).isEqualTo(200);
            assertThat(api.get("/v2/app/blobs/" + digest(BLOB)).text()).isEqualTo(BLOB);
            assertThat(api.get("/v2/app/tags/list").text()).contains("v1");

            api.send("PUT", "/_berth/admin/read-only", ofString("{\"readOnly\":false}"));
            assertThat(api.delete(manifestPath).status()).isEqualTo(202);
        }
    }

    @Test
    @DisplayName("readOnly.enabled in the config starts the registry read-only")
    void fromConfig() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of("BERTH_READONLY_ENABLED", "true"))) {
            RegistryClient api = registry.client();
            assertRefused(api.post("/v2/app/blobs/uploads/", new byte[0]));
            assertThat(api.get("/v2/").status()).isEqualTo(200);
            assertThat(api.get("/_berth/admin/read-only").text()).isEqualTo("{\"readOnly\":true}");
        }
    }

    @Test
    @DisplayName("The admin API refuses a body that is not {\"readOnly\": true|false} and changes nothing")
    void badBody() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of())) {
            RegistryClient api = registry.client();
            Reply response = api.send("PUT", "/_berth/admin/read-only", ofString("{\"readOnly\":\"yes\"}"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text()).contains("\"errors\"").contains("readOnly");
            assertThat(api.get("/_berth/admin/read-only").text()).isEqualTo("{\"readOnly\":false}");
        }
    }

    private static void assertRefused(Reply response) {
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.text()).contains("\"code\":\"UNSUPPORTED\"").contains("read-only");
    }

    private static void pushBlob(RegistryClient api, int expected) throws Exception {
        for (String content : new String[] {BLOB, "{}"}) {
            Reply response = api.send("POST", "/v2/app/blobs/uploads/?digest=" + digest(content), ofString(content));
            assertThat(response.status()).isEqualTo(expected);
        }
    }

    private static String manifest() {
        return MANIFEST.formatted(digest("{}"), 2);
    }

    private static String digest(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
