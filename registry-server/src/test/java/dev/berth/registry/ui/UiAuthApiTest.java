package dev.berth.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.auth.TestCredentials;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The web UI's JSON API with users and access rules")
class UiAuthApiTest {
    /** public/** for everyone to pull; private/** for alice (and delete), bob may only pull. */
    static final String RULES = "[{\"repository\":\"public/**\",\"anonymous\":[\"pull\"],"
            + "\"users\":{\"alice\":[\"pull\",\"push\",\"delete\"],\"*\":[\"pull\"]}},"
            + "{\"repository\":\"private/**\",\"users\":{\"alice\":[\"pull\",\"push\",\"delete\"],\"bob\":[\"pull\"]}}]";

    @TempDir
    Path dir;

    private InProcessBerth registry;
    private RegistryClient http;

    @BeforeEach
    void start() throws IOException {
        registry = startWithUsers(dir);
        http = registry.client();
    }

    /** Fills the store while the registry is open, then starts it again with users and rules over it. */
    static InProcessBerth startWithUsers(Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (InProcessBerth open = InProcessBerth.start(data, Map.of())) {
            UiImages images = new UiImages(open.url());
            images.image("public/tools", "1.0", "amd64", Map.of());
            images.image("private/secret", "1.0", "amd64", Map.of());
            images.image("private/secret", "2.0", "amd64", Map.of());
        }
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(
                htpasswd,
                "alice:" + TestCredentials.bcrypt("alice-pw") + "\nbob:" + TestCredentials.bcrypt("bob-pw") + "\n");
        return InProcessBerth.start(
                data, Map.of("BERTH_AUTH_HTPASSWD", htpasswd.toString(), "BERTH_AUTH_ACCESS", RULES));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private String token(String user, String password) {
        return "Bearer "
                + http.get(
                                "/token?service=berth-registry&scope=registry:catalog:*",
                                "Authorization",
                                TestCredentials.basic(user, password))
                        .hasStatus(200)
                        .json()
                        .get("token")
                        .asText();
    }

    @Test
    @DisplayName("anonymous users see only the public repository; alice's token from /token shows the private one too")
    void catalogFollowsTheRules() {
        assertThat(names(http.get("/_berth/ui-api/repositories"))).containsExactly("public/tools");

        String alice = token("alice", "alice-pw");
        assertThat(names(http.get("/_berth/ui-api/repositories", "Authorization", alice)))
                .containsExactly("private/secret", "public/tools");
        JsonNode session = http.get("/_berth/ui-api/session", "Authorization", alice)
                .hasStatus(200)
                .json();
        assertThat(session.get("user").asText()).isEqualTo("alice");
        assertThat(session.get("auth").asText()).isEqualTo("token");
        assertThat(session.get("service").asText()).isEqualTo("berth-registry");
    }

    @Test
    @DisplayName("a private repository's pages ask anonymous users to log in (401), alike whether it exists or not")
    void privatePagesNeedALogin() {
        http.get("/_berth/ui-api/repositories/private/secret/tags").isError(401, "UNAUTHORIZED");
        http.get("/_berth/ui-api/repositories/private/nothing/tags").isError(401, "UNAUTHORIZED");
        assertThat(http.get("/_berth/ui-api/repositories/private/secret/tags").header("WWW-Authenticate"))
                .as("no challenge: the browser must not show its own login box")
                .isNull();
        http.get("/_berth/ui-api/status").isError(401, "UNAUTHORIZED");
    }

    @Test
    @DisplayName("a token that does not check out ends the session: 401, not the anonymous view")
    void badTokenIsRefused() {
        String alice = token("alice", "alice-pw");
        String tampered = alice.substring(0, alice.length() - 4) + "AAAA";

        http.get("/_berth/ui-api/repositories", "Authorization", tampered).isError(401, "UNAUTHORIZED");
    }

    @Test
    @DisplayName(
            "a read-only user gets no delete (canDelete false) and a delete of theirs is refused and changes nothing")
    void readOnlyUserCannotDelete() {
        String bob = token("bob", "bob-pw");
        String alice = token("alice", "alice-pw");

        JsonNode tags = http.get("/_berth/ui-api/repositories/private/secret/tags", "Authorization", bob)
                .hasStatus(200)
                .json();
        assertThat(tags.get("canDelete").asBoolean()).isFalse();
        http.delete("/_berth/ui-api/repositories/private/secret/tags/1.0", "Authorization", bob, "X-Berth-UI", "delete")
                .isError(403, "DENIED");
        http.delete("/_berth/ui-api/repositories/private/secret/tags/1.0", "X-Berth-UI", "delete")
                .isError(401, "UNAUTHORIZED");
        assertThat(tagNames("private/secret", alice)).containsExactly("1.0", "2.0");

        assertThat(http.get("/_berth/ui-api/repositories/private/secret/tags", "Authorization", alice)
                        .json()
                        .get("canDelete")
                        .asBoolean())
                .isTrue();
        http.delete(
                        "/_berth/ui-api/repositories/private/secret/tags/1.0",
                        "Authorization",
                        alice,
                        "X-Berth-UI",
                        "delete")
                .hasStatus(200);
        assertThat(tagNames("private/secret", alice)).containsExactly("2.0");
    }

    private List<String> tagNames(String repository, String authorization) {
        List<String> names = new ArrayList<>();
        http.get("/_berth/ui-api/repositories/" + repository + "/tags", "Authorization", authorization)
                .hasStatus(200)
                .json()
                .get("tags")
                .forEach(tag -> names.add(tag.get("tag").asText()));
        return names;
    }

    private static List<String> names(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.hasStatus(200)
                .json()
                .get("repositories")
                .forEach(r -> names.add(r.get("name").asText()));
        return names;
    }
}
