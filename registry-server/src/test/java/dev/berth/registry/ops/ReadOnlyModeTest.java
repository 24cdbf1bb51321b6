package dev.berth.registry.ops;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Read-only mode")
class ReadOnlyModeTest {
    private static final String BLOB = "a layer";
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"%s\",\"size\":%d},\"layers\":[]}";

    @TempDir
    Path root;

    @Test
    @DisplayName("Switched on through the admin API, refuses uploads, manifest pushes and deletes with 405 UNSUPPORTED while pulls work; switched off, writes work again")
    void switchedAtRuntime() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of())) {
            assertThat(registry.get("/_berth/admin/read-only").body()).isEqualTo("{\"readOnly\":false}");
            pushBlob(registry, 201);
            String manifestPath = "/v2/app/manifests/v1";
            assertThat(registry.send("PUT", manifestPath, manifest()).statusCode()).isEqualTo(201);

            HttpResponse<String> switched = registry.send("PUT", "/_berth/admin/read-only", "{\"readOnly\":true}");
            assertThat(switched.statusCode()).isEqualTo(200);
            assertThat(switched.body()).isEqualTo("{\"readOnly\":true}");

            assertRefused(registry.send("POST", "/v2/app/blobs/uploads/", null));
            assertRefused(registry.send("PUT", "/v2/app/manifests/v2", manifest()));
            assertRefused(registry.send("DELETE", manifestPath, null));
            assertThat(registry.get(manifestPath).statusCode()).isEqualTo(200);
            assertThat(registry.get("/v2/app/blobs/" + OpsRegistry.digest(BLOB)).body()).isEqualTo(BLOB);
            assertThat(registry.get("/v2/app/tags/list").body()).contains("v1");

            registry.send("PUT", "/_berth/admin/read-only", "{\"readOnly\":false}");
            assertThat(registry.send("DELETE", manifestPath, null).statusCode()).isEqualTo(202);
        }
    }

    @Test
    @DisplayName("readOnly.enabled in the config starts the registry read-only")
    void fromConfig() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of("BERTH_READONLY_ENABLED", "true"))) {
            assertRefused(registry.send("POST", "/v2/app/blobs/uploads/", null));
            assertThat(registry.get("/v2/").statusCode()).isEqualTo(200);
            assertThat(registry.get("/_berth/admin/read-only").body()).isEqualTo("{\"readOnly\":true}");
        }
    }

    @Test
    @DisplayName("The admin API refuses a body that is not {\"readOnly\": true|false} and changes nothing")
    void badBody() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of())) {
            HttpResponse<String> response = registry.send("PUT", "/_berth/admin/read-only", "{\"readOnly\":\"yes\"}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"errors\"").contains("readOnly");
            assertThat(registry.get("/_berth/admin/read-only").body()).isEqualTo("{\"readOnly\":false}");
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"code\":\"UNSUPPORTED\"").contains("read-only");
    }

    private static void pushBlob(OpsRegistry registry, int expected) throws Exception {
        for (String content : new String[] {BLOB, "{}"}) {
            HttpResponse<String> response = registry.send("POST", "/v2/app/blobs/uploads/?digest=" + OpsRegistry.digest(content), content);
            assertThat(response.statusCode()).isEqualTo(expected);
        }
    }

    private static String manifest() throws Exception {
        return MANIFEST.formatted(OpsRegistry.digest("{}"), 2);
    }
}
