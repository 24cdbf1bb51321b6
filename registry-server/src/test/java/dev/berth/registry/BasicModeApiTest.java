package dev.berth.registry;

import static dev.berth.registry.auth.TestCredentials.basic;
import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain Basic mode, the admin gate and the failed-login throttle, each against a registry of its own. */
@DisplayName("berth-registry with plain Basic auth")
class BasicModeApiTest {
    private static final String CONFIG = """
            auth:
              mode: basic
              htpasswd: %s
              admins: [alice]
              access:
                - repository: "team-a/**"
                  anonymous: [pull]
                  users: { alice: [pull, push], bob: [pull] }
            storage:
              filesystem:
                rootdirectory: %s
            http:
              listen: 127.0.0.1:0
            """;

    @TempDir
    Path dir;

    private InProcessBerth registry;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path htpasswd = Files.writeString(
                dir.resolve("htpasswd"), "alice:" + bcrypt("alice-pw") + "\nbob:" + bcrypt("bob-pw") + "\n");
        Path config = Files.writeString(dir.resolve("config.yml"), CONFIG.formatted(htpasswd, dir.resolve("data")));
        registry = InProcessBerth.launch(Map.of(), Optional.of(config));
        base = "http://127.0.0.1:" + registry.port();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    @DisplayName("requests carry Basic credentials; without them a Basic challenge comes back")
    void basicCredentials() throws Exception {
        HttpResponse<String> anonymousBase = send("GET", "/v2/", null);

        assertThat(anonymousBase.statusCode()).isEqualTo(401);
        assertThat(anonymousBase.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"berth-registry\"");
        assertThat(send("GET", "/v2/", basic("alice", "alice-pw")).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v2/team-a/app/tags/list", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/v2/team-a/app/blobs/uploads/", basic("alice", "alice-pw"))
                        .statusCode())
                .isEqualTo(202);
        assertThat(send("POST", "/v2/team-a/app/blobs/uploads/", basic("bob", "bob-pw"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/v2/team-a/app/blobs/uploads/", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("the admin API lets in only users listed in auth.admins")
    void adminGate() throws Exception {
        assertThat(send("GET", "/_berth/admin/read-only", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/_berth/admin/read-only", basic("bob", "bob-pw"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/_berth/admin/read-only", basic("alice", "alice-pw"))
                        .statusCode())
                .isNotIn(401, 403);
    }

    @Test
    @DisplayName(
            "repeated failed logins from one client are refused with 429 TOOMANYREQUESTS, even with the right password")
    void throttlesFailedLogins() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/v2/", basic("alice", "guess" + i)).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> refused = send("GET", "/v2/", basic("alice", "alice-pw"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("TOOMANYREQUESTS");
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
