package dev.berth.registry;

import static dev.berth.registry.AuthorizedHttp.bearer;
import static dev.berth.registry.auth.ExternalTokenService.access;
import static dev.berth.registry.auth.ExternalTokenService.claims;
import static dev.berth.registry.auth.TestCredentials.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.auth.ExternalTokenService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry trusting an external token service, as registry:2's {@code auth.token} does: the
 * test plays the service, signing tokens with keys of its own whose certificates or public keys
 * the registry is configured with.
 */
@DisplayName("berth-registry trusting an external token service")
class ExternalTokenApiTest {
    private static final String ISSUER = "pretend-auth";
    private static final String SERVICE = "registry.example.com";
    private static final String REALM = "https://auth.example.com/token";
    private static final String CONFIG = """
            auth:
              token:
                issuer: %s
                service: %s
                realm: %s
                trust: %s
            %s
            storage:
              filesystem:
                rootdirectory: %s
            http:
              listen: 127.0.0.1:0
            """;

    /** The service's signing key, RS256. */
    private static ExternalTokenService service;
    /** The key the service rotates to, ES256. */
    private static ExternalTokenService nextKey;
    /** Someone else's service. */
    private static ExternalTokenService stranger;

    @TempDir
    Path dir;

    private InProcessBerth registry;
    private AuthorizedHttp api;

    @BeforeAll
    static void keys() throws Exception {
        service = ExternalTokenService.rsa();
        nextKey = ExternalTokenService.ec();
        stranger = ExternalTokenService.rsa();
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @DisplayName(
            "GET /v2/ without a token answers 401 with a Bearer challenge naming the external realm and the service")
    void challengeNamesTheExternalRealm() throws Exception {
        start(service.certificatePem());

        HttpResponse<String> response = api.get("/v2/", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"" + REALM + "\",service=\"" + SERVICE + "\"");
    }

    @Test
    @DisplayName("the registry serves no /token of its own and makes no signing key in its data directory")
    void noTokenServiceOfItsOwn() throws Exception {
        start(service.certificatePem());

        assertThat(api.get("/token?service=" + SERVICE + "&scope=repository:team/a:pull", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/token?scope=repository:team/a:pull", basic("alice", "pw"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.pushImage(
                        "team/a",
                        service.token(
                                claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull", "push")))))
                .isEqualTo(201);
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".pem"));
        }
    }

    @Test
    @DisplayName(
            "a token granting push and pull on a repository pushes a blob and a manifest there and pulls them back")
    void pushAndPullWithTheGrantedScope() throws Exception {
        start(service.certificatePem());
        String token = service.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull", "push")));

        assertThat(api.pushImage("team/a", token)).isEqualTo(201);
        assertThat(api.get("/v2/team/a/manifests/latest", bearer(token)).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/v2/team/a/blobs/" + AuthorizedHttp.CONFIG_DIGEST, bearer(token))
                        .body())
                .isEqualTo("{}");
        assertThat(api.get("/v2/", bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the same token on another repository gets 401 with a challenge for that repository's scope, not 403:"
            + " only the token service knows whether the caller may have it")
    void anotherRepositoryIsChallenged() throws Exception {
        start(service.certificatePem());
        String token = service.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull", "push")));

        HttpResponse<String> pull = api.get("/v2/team/b/manifests/latest", bearer(token));
        HttpResponse<String> push = api.post("/v2/team/b/blobs/uploads/", bearer(token));

        assertThat(pull.statusCode()).isEqualTo(401);
        assertThat(pull.body()).contains("UNAUTHORIZED");
        assertThat(pull.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"" + REALM + "\",service=\"" + SERVICE + "\",scope=\"repository:team/b:pull\""
                        + ",error=\"insufficient_scope\"");
        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow())
                .endsWith("scope=\"repository:team/b:pull,push\",error=\"insufficient_scope\"");
    }

    @Test
    @DisplayName("tokens signed by another key, from another issuer or for another service (aud) are refused with 401")
    void foreignTokensRefused() throws Exception {
        start(service.certificatePem());
        JsonObject grant = access("repository", "team/a", "pull");

        for (String token : List.of(
                stranger.token(claims(ISSUER, SERVICE, "alice", grant)),
                service.token(claims("someone-else", SERVICE, "alice", grant)),
                service.token(claims(ISSUER, "other-registry", "alice", grant)))) {
            HttpResponse<String> response = api.get("/v2/team/a/tags/list", bearer(token));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    @DisplayName("a bundle of several certificates trusts each of their keys, so the service can rotate keys")
    void certificateBundleWithSeveralKeys() throws Exception {
        start(service.certificatePem() + nextKey.certificatePem());

        assertTrusted(service, nextKey);
        assertRefused(stranger);
    }

    @Test
    @DisplayName("bare PEM public keys are trusted as well, RSA and EC alike")
    void barePublicKeys() throws Exception {
        start(service.publicKeyPem() + nextKey.publicKeyPem());

        assertTrusted(service, nextKey);
        assertRefused(stranger);
    }

    @Test
    @DisplayName("a kid or x5c header (docker_auth, Harbor) does not stop a trusted key's token;"
            + " a certificate a token brings along in x5c is not trusted for it")
    void keyHeaders() throws Exception {
        start(service.certificatePem());
        JsonObject claims = claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull"));

        String withKid = service.token(
                new JsonObject().put("kid", "ABCD:EFGH:IJKL:MNOP:QRST:UVWX:YZ23:4567:ABCD:EFGH:IJKL:MNOP"), claims);
        String withOwnX5c = service.token(x5c(service), claims);
        String strangerWithX5c = stranger.token(x5c(stranger), claims);

        assertThat(api.get("/v2/team/a/tags/list", bearer(withKid)).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/v2/team/a/tags/list", bearer(withOwnX5c)).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/v2/team/a/tags/list", bearer(strangerWithX5c)).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("the action * grants every action on its repository, as registry:2 reads it, and nothing elsewhere")
    void everyAction() throws Exception {
        start(service.certificatePem());
        String token = service.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "*")));

        assertThat(api.pushImage("team/a", token)).isEqualTo(201);
        assertThat(api.get("/v2/team/a/manifests/latest", bearer(token)).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/v2/team/b/manifests/latest", bearer(token)).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("the catalog lists every repository to a token granting registry:catalog:*, as registry:2 does,"
            + " and challenges a token without it")
    void catalog() throws Exception {
        start(service.certificatePem());
        String push = service.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull", "push")));
        api.pushImage("team/a", push);

        HttpResponse<String> listed = api.get(
                "/v2/_catalog",
                bearer(service.token(claims(ISSUER, SERVICE, "alice", access("registry", "catalog", "*")))));

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(listed.body()).getJsonArray("repositories")).containsExactly("team/a");
        assertThat(api.get("/v2/_catalog", bearer(push)).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("access rules beside an external token service stop the start: the service's tokens alone decide")
    void accessRulesRefused() {
        assertThatThrownBy(() -> start(service.certificatePem(), """
                  access:
                    - repository: "team/**"
                      users: { alice: [pull] }
                """))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("auth.access")
                .hasMessageContaining("auth.token.trust");
    }

    @Test
    @DisplayName("trusting an external service in Basic mode, which never asks for tokens, stops the start")
    void basicModeRefused() {
        assertThatThrownBy(() -> start(service.certificatePem(), "  mode: basic\n"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("auth.token.trust")
                .hasMessageContaining("auth.mode");
    }

    private void start(String trust) throws Exception {
        start(trust, "");
    }

    private void start(String trust, String moreAuth) throws Exception {
        Path bundle = Files.writeString(dir.resolve("trust.pem"), trust);
        Path config = Files.writeString(
                dir.resolve("config.yml"),
                CONFIG.formatted(ISSUER, SERVICE, REALM, bundle, moreAuth, dir.resolve("data")));
        registry = InProcessBerth.launch(Map.of(), Optional.of(config));
        api = new AuthorizedHttp("http://127.0.0.1:" + registry.port());
    }

    /** Each service's token for pull on team/a gets past auth: a 404, since nothing was pushed there. */
    private void assertTrusted(ExternalTokenService... services) throws Exception {
        for (ExternalTokenService signer : services) {
            String token = signer.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull")));
            assertThat(api.get("/v2/team/a/tags/list", bearer(token)).statusCode())
                    .isEqualTo(404);
        }
    }

    private void assertRefused(ExternalTokenService signer) throws Exception {
        String token = signer.token(claims(ISSUER, SERVICE, "alice", access("repository", "team/a", "pull")));
        assertThat(api.get("/v2/team/a/tags/list", bearer(token)).statusCode()).isEqualTo(401);
    }

    private static JsonObject x5c(ExternalTokenService signer) {
        return new JsonObject().put("x5c", new JsonArray().add(signer.x5c()));
    }
}
