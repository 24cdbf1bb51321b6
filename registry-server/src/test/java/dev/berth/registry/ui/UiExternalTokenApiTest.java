package dev.berth.registry.ui;

import static dev.berth.registry.auth.ExternalTokenService.access;
import static dev.berth.registry.auth.ExternalTokenService.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.auth.ExternalTokenService;
import dev.berth.testkit.api.RegistryClient;
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

@DisplayName("The web UI's JSON API trusting an external token service")
class UiExternalTokenApiTest {
    private static final String ISSUER = "pretend-auth";
    private static final String SERVICE = "registry.example.com";
    private static final String REALM = "https://auth.example.com/token";

    @TempDir
    Path dir;

    private ExternalTokenService tokens;
    private InProcessBerth registry;
    private RegistryClient http;

    @BeforeEach
    void start() throws Exception {
        tokens = ExternalTokenService.rsa();
        Path data = dir.resolve("data");
        try (InProcessBerth open = InProcessBerth.start(data, Map.of())) {
            UiImages images = new UiImages(open.url());
            images.tiny("team/app");
            images.tiny("other/app");
        }
        Path trust = Files.writeString(dir.resolve("trust.pem"), tokens.certificatePem());
        registry = InProcessBerth.start(
                data,
                Map.of(
                        "BERTH_AUTH_TOKEN_ISSUER", ISSUER,
                        "BERTH_AUTH_TOKEN_SERVICE", SERVICE,
                        "BERTH_AUTH_TOKEN_REALM", REALM,
                        "BERTH_AUTH_TOKEN_TRUST", trust.toString()));
        http = registry.client();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private String bearer() throws Exception {
        return "Bearer " + tokens.token(claims(ISSUER, SERVICE, "carol", access("repository", "team/app", "pull")));
    }

    @Test
    @DisplayName("the session says where tokens come from, so that the login page can tell how to get one")
    void sessionNamesTheService() {
        JsonNode session = http.get("/_berth/ui-api/session").hasStatus(200).json();

        assertThat(session.get("auth").asText()).isEqualTo("external");
        assertThat(session.get("realm").asText()).isEqualTo(REALM);
        assertThat(session.get("service").asText()).isEqualTo(SERVICE);
        assertThat(session.get("user").isNull()).isTrue();
    }

    @Test
    @DisplayName(
            "the token's grants alone decide: anonymous users see nothing, a token for team/app sees team/app only")
    void tokenGrantsDecide() throws Exception {
        assertThat(names(http.get("/_berth/ui-api/repositories").hasStatus(200).json()))
                .isEmpty();

        String token = bearer();
        assertThat(names(http.get("/_berth/ui-api/repositories", "Authorization", token)
                        .hasStatus(200)
                        .json()))
                .containsExactly("team/app");
        JsonNode tags = http.get("/_berth/ui-api/repositories/team/app/tags", "Authorization", token)
                .hasStatus(200)
                .json();
        assertThat(tags.get("canDelete").asBoolean()).isFalse();
        http.get("/_berth/ui-api/repositories/other/app/tags", "Authorization", token)
                .isError(403, "DENIED");
        http.delete("/_berth/ui-api/repositories/team/app/tags/latest", "Authorization", token, "X-Berth-UI", "delete")
                .isError(403, "DENIED");
        assertThat(http.get("/_berth/ui-api/session", "Authorization", token)
                        .json()
                        .get("user")
                        .asText())
                .isEqualTo("carol");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("repositories")
                .forEach(repository -> names.add(repository.get("name").asText()));
        return names;
    }
}
