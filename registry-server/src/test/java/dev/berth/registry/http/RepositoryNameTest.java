package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Repository names in request paths")
class RepositoryNameTest extends ApiTest {
    private static final String DIGEST = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Upper", "a//b", "-a", "a-", "a..b", "a__-b", "a/.hidden", "a%20b"})
    @DisplayName("a name outside the grammar answers 400 NAME_INVALID on every endpoint")
    void invalidNames(String name) {
        api.post("/v2/" + name + "/blobs/uploads/", new byte[0]).isError(400, "NAME_INVALID");
        api.get("/v2/" + name + "/blobs/" + DIGEST).isError(400, "NAME_INVALID");
        api.get("/v2/" + name + "/manifests/latest").isError(400, "NAME_INVALID");
        api.put("/v2/" + name + "/manifests/latest", "{}".getBytes()).isError(400, "NAME_INVALID");
        api.get("/v2/" + name + "/tags/list").isError(400, "NAME_INVALID");
        api.get("/v2/" + name + "/referrers/" + DIGEST).isError(400, "NAME_INVALID");
    }

    @Test
    @DisplayName("a name of 256 characters is too long: 400 NAME_INVALID")
    void tooLong() {
        String name = "a".repeat(128) + "/" + "b".repeat(127);

        api.post("/v2/" + name + "/blobs/uploads/", new byte[0]).isError(400, "NAME_INVALID");
        api.post("/v2/" + name.substring(1) + "/blobs/uploads/", new byte[0]).hasStatus(202);
    }

    @Test
    @DisplayName("a HEAD with an invalid name answers 400 without a body")
    void invalidNameOnHead() {
        api.head("/v2/Upper/blobs/" + DIGEST).isBodylessError(400);
    }

    @Test
    @DisplayName("names of several components are ordinary names")
    void nestedNames() {
        api.post("/v2/a/b/c/d/blobs/uploads/", new byte[0]).hasStatus(202);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST,   /v2/a/../b/blobs/uploads/",
        "POST,   /v2/../../../../tmp/x/blobs/uploads/",
        "POST,   /v2/a/%2e%2e/b/blobs/uploads/",
        "POST,   /v2/%2e%2e/%2e%2e/x/blobs/uploads/",
        "POST,   /v2/a%2f..%2f..%2fx/blobs/uploads/",
        "POST,   /v2/a/..%2f..%2f..%2fx/blobs/uploads/",
        "PUT,    /v2/a/manifests/..%2f..%2fx",
        "PUT,    /v2/a/manifests/..",
        "GET,    /v2/a/manifests/sha256:..%2f..%2f..%2fx",
        "PATCH,  /v2/a/blobs/uploads/..%2f..%2f..%2fx",
        "PATCH,  /v2/a/blobs/uploads/..",
        "GET,    /v2/a/blobs/sha256:..%2f..%2f..",
        "GET,    /v2/a/blobs/uploads/../../../x",
        "GET,    /v2/..%5c..%5cx/tags/list",
    })
    @DisplayName("a path that tries to climb out of the data directory is refused (400 or 404) and writes nothing")
    void pathTraversal(String method, String target) throws IOException {
        int status = RawHttp.status(server.port(), method, target);

        assertThat(status).isIn(400, 404);
        assertThat(filesUnder(tempDir)).allSatisfy(file -> assertThat(file).startsWith(server.dataDir()));
        assertThat(server.dataDir().resolve("docker/registry/v2/repositories")).doesNotExist();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
