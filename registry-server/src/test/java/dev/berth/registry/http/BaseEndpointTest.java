package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("API version check and routing")
class BaseEndpointTest extends ApiTest {
    private static final String DIGEST = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @Test
    @DisplayName("GET /v2/ answers 200 with Docker-Distribution-API-Version: registry/2.0")
    void versionCheck() {
        api.get("/v2/").hasStatus(200).hasHeader("Docker-Distribution-API-Version", "registry/2.0");
    }

    @Test
    @DisplayName("HEAD /v2/ answers 200 as well")
    void versionCheckByHead() {
        api.head("/v2/").hasStatus(200).hasHeader("Docker-Distribution-API-Version", "registry/2.0");
    }

    @Test
    @DisplayName("error responses carry the API version header too")
    void versionHeaderOnErrors() {
        api.get("/v2/a/manifests/nope").hasStatus(404).hasHeader("Docker-Distribution-API-Version", "registry/2.0");
    }

    @ParameterizedTest(name = "{0}")
    // "/" is not among them: it redirects to the web UI (UiApiTest).
    @ValueSource(strings = {"/v1/", "/v2/a", "/v2/a/unknown/x", "/v2/a/blobs/", "/v2/_catalog/more"})
    @DisplayName("a path that names no endpoint answers 404 with a JSON error")
    void unknownEndpoint(String path) {
        Reply reply = api.get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("errors")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /v2/",
        "POST,   /v2/_catalog",
        "PUT,    /v2/a/tags/list",
        "POST,   /v2/a/manifests/latest",
        "PATCH,  /v2/a/blobs/" + DIGEST,
        "PUT,    /v2/a/blobs/" + DIGEST,
        "GET,    /v2/a/blobs/uploads/",
        "POST,   /v2/a/blobs/uploads/0f0f0f0f-0000-0000-0000-000000000000",
        "DELETE, /v2/a/referrers/" + DIGEST,
    })
    @DisplayName("a method an endpoint does not support answers 405 UNSUPPORTED")
    void wrongMethod(String method, String path) {
        api.send(method, path, HttpRequest.BodyPublishers.noBody()).isError(405, "UNSUPPORTED");
    }

    @Test
    @DisplayName("an error answer to a request without a body keeps the connection open for the next request")
    void errorKeepsConnection() {
        Reply reply = api.head("/v2/a/blobs/" + DIGEST);

        reply.isBodylessError(404);
        assertThat(reply.header("Connection")).isNull();
    }

    @Test
    @DisplayName("an error answer to a request whose body was not read closes the connection")
    void errorClosesAfterUnreadBody() {
        Reply reply = api.patch("/v2/a/blobs/uploads/0f0f0f0f-0000-0000-0000-000000000000", new byte[1000]);

        reply.isError(404, "BLOB_UPLOAD_UNKNOWN");
        assertThat(reply.header("Connection")).isEqualToIgnoringCase("close");
    }
}
