package dev.berth.registry;

import static dev.berth.registry.AuthorizedHttp.bearer;
import static dev.berth.registry.auth.TestCredentials.basic;
import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry with token auth on, driven over HTTP as docker drives it. */
@DisplayName("berth-registry with token auth")
class AuthApiTest {
    private static final String CONFIG = """
            auth:
              htpasswd: %s
              token: { issuer: berth, service: berth-registry, ttl: 5m }
              admins: [alice]
              access:
                - repository: "public/**"
                  anonymous: [pull]
                  users: { "*": [pull, push] }
                - repository: "team-a/**"
                  users: { alice: [pull, push, delete], bob: [pull] }
            storage:
              filesystem:
                rootdirectory: %s
            http:
              listen: 127.0.0.1:0
            """;

    @TempDir
    static Path dir;

    private static InProcessBerth registry;
    private static String base;
    private static AuthorizedHttp api;

    @BeforeAll
    static void start() throws Exception {
        Path htpasswd = Files.writeString(
                dir.resolve("htpasswd"),
                "alice:" + bcrypt("alice-pw") + "\nbob:" + bcrypt("bob-pw") + "\ncarol:" + bcrypt("carol-pw") + "\n");
        Files.writeString(dir.resolve("config.yml"), CONFIG.formatted(htpasswd, dir.resolve("data")));
        launch();
    }

    private static void launch() throws Exception {
        registry = InProcessBerth.launch(Map.of(), Optional.of(dir.resolve("config.yml")));
        base = "http://127.0.0.1:" + registry.port();
        api = new AuthorizedHttp(base);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    @DisplayName(
            "GET /v2/ without credentials answers 401 with a Bearer challenge naming the token endpoint and service")
    void baseChallenges() throws Exception {
        HttpResponse<String> response = api.get("/v2/", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"" + base + "/token\",service=\"berth-registry\"");
        assertThat(response.body()).contains("UNAUTHORIZED");
    }

    @Test
    @DisplayName("GET /v2/ with any valid token, anonymous ones included, answers 200")
    void baseWithToken() throws Exception {
        assertThat(api.get("/v2/", bearer(token(null, "repository:public/app:pull")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("the signing key generated on first start is kept in the data directory: a token outlives a restart")
    void keyKeptAcrossRestarts() throws Exception {
        String token = token(basic("alice", "alice-pw"), "repository:team-a/app:pull");

        registry.close();
        launch();

        assertThat(dir.resolve("data/_berth/auth/token-key.pem")).isRegularFile();
        assertThat(api.get("/v2/team-a/app/tags/list", bearer(token)).statusCode())
                .isNotEqualTo(401);
    }

    @Test
    @DisplayName("the token endpoint answers token, access_token, expires_in and issued_at")
    void tokenResponse() throws Exception {
        HttpResponse<String> response =
                api.get("/token?service=berth-registry&scope=repository:team-a/app:pull", basic("alice", "alice-pw"));

        JsonObject body = new JsonObject(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.getString("token")).isNotBlank().isEqualTo(body.getString("access_token"));
        assertThat(body.getLong("expires_in")).isEqualTo(300);
        assertThat(body.getString("issued_at")).isNotBlank();
    }

    @Test
    @DisplayName("a wrong password at the token endpoint gets 401, not a token")
    void wrongPassword() throws Exception {
        HttpResponse<String> response = api.get("/token?scope=repository:team-a/app:pull", basic("alice", "nope"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("token\"");
    }

    @Test
    @DisplayName("anonymous callers pull public repositories with an anonymous token, and are challenged without one")
    void anonymousPublicPull() throws Exception {
        String token = token(null, "repository:public/app:pull");

        assertThat(api.get("/v2/public/app/manifests/latest", null).statusCode())
                .isEqualTo(401);
        assertThat(api.get("/v2/public/app/manifests/latest", bearer(token)).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a user with push rights pushes; the challenge for a push names pull,push")
    void push() throws Exception {
        HttpResponse<String> challenged = api.post("/v2/team-a/app/blobs/uploads/", null);
        assertThat(challenged.statusCode()).isEqualTo(401);
        assertThat(challenged.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("scope=\"repository:team-a/app:pull,push\"");

        String token = token(basic("alice", "alice-pw"), "repository:team-a/app:pull,push");
        assertThat(api.pushImage("team-a/app", token)).isEqualTo(201);
    }

    @Test
    @DisplayName(
            "an authenticated user the policy refuses gets 403 DENIED, the same whether the repository exists or not")
    void deniedWithoutLeak() throws Exception {
        api.pushImage("team-a/exists", token(basic("alice", "alice-pw"), "repository:team-a/exists:pull,push"));
        String carol =
                token(basic("carol", "carol-pw"), "repository:team-a/exists:pull", "repository:team-a/missing:pull");

        HttpResponse<String> existing = api.get("/v2/team-a/exists/manifests/latest", bearer(carol));
        HttpResponse<String> missing = api.get("/v2/team-a/missing/manifests/latest", bearer(carol));

        assertThat(existing.statusCode()).isEqualTo(403);
        assertThat(existing.body()).contains("DENIED").isEqualTo(missing.body());
        assertThat(missing.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a user with pull rights only cannot push (403), and an anonymous caller is challenged (401)")
    void pullOnly() throws Exception {
        String bob = token(basic("bob", "bob-pw"), "repository:team-a/app:pull,push");

        assertThat(api.post("/v2/team-a/app/blobs/uploads/", bearer(bob)).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/v2/team-a/app/tags/list", null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("the catalog lists only the repositories the caller may pull")
    void catalogFiltered() throws Exception {
        api.pushImage("team-a/listed", token(basic("alice", "alice-pw"), "repository:team-a/listed:pull,push"));
        api.pushImage("public/listed", token(basic("bob", "bob-pw"), "repository:public/listed:pull,push"));

        String anonymous = api.get("/v2/_catalog", bearer(token(null, "registry:catalog:*")))
                .body();
        String alice = api.get("/v2/_catalog", bearer(token(basic("alice", "alice-pw"), "registry:catalog:*")))
                .body();

        assertThat(anonymous).contains("public/listed").doesNotContain("team-a/");
        assertThat(alice).contains("public/listed", "team-a/listed");
    }

    @Test
    @DisplayName("a mount source outside the name grammar (quotes, line breaks) is not written into the challenge")
    void hostileMountSourceNotEchoed() throws Exception {
        HttpResponse<String> challenged = api.post(
                "/v2/public/target/blobs/uploads/?mount=" + AuthorizedHttp.CONFIG_DIGEST
                        + "&from=a%22%0D%0AX-Injected:%201",
                null);

        assertThat(challenged.statusCode()).isEqualTo(401);
        assertThat(challenged.headers().firstValue("WWW-Authenticate").orElseThrow())
                .endsWith("scope=\"repository:public/target:pull,push\"");
        assertThat(challenged.headers().firstValue("X-Injected")).isEmpty();
    }

    @Test
    @DisplayName("a cross-repository mount: the challenge names both scopes, a token with both mounts (201),"
            + " a token without pull on the source gets a plain upload session (202), never 401")
    void crossRepositoryMount() throws Exception {
        api.pushImage("team-a/source", token(basic("alice", "alice-pw"), "repository:team-a/source:pull,push"));
        String mount = "/v2/public/target/blobs/uploads/?mount=" + AuthorizedHttp.CONFIG_DIGEST + "&from=team-a/source";

        HttpResponse<String> challenged = api.post(mount, null);
        HttpResponse<String> mounted = api.post(
                mount,
                bearer(token(
                        basic("alice", "alice-pw"),
                        "repository:public/target:pull,push",
                        "repository:team-a/source:pull")));
        HttpResponse<String> withoutSource = api.post(
                mount,
                bearer(token(
                        basic("bob", "bob-pw"), "repository:public/target:pull,push", "repository:team-a/other:pull")));
        HttpResponse<String> carolWithoutSource = api.post(
                mount.replace("public/target", "public/carol"),
                bearer(token(
                        basic("carol", "carol-pw"),
                        "repository:public/carol:pull,push",
                        "repository:team-a/source:pull")));

        assertThat(challenged.statusCode()).isEqualTo(401);
        assertThat(challenged.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("scope=\"repository:public/target:pull,push repository:team-a/source:pull\"");
        assertThat(mounted.statusCode()).as(mounted.body()).isEqualTo(201);
        assertThat(withoutSource.statusCode()).as(withoutSource.body()).isEqualTo(202);
        assertThat(carolWithoutSource.statusCode())
                .as(carolWithoutSource.body())
                .isEqualTo(202);
        assertThat(carolWithoutSource.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/v2/public/carol/blobs/uploads/"));
    }

    @Test
    @DisplayName("a mount without from takes the blob only from a repository the token lets the caller pull:"
            + " 201 with pull on a holder, 202 without, and then the blob is not in the target")
    void automaticCrossMountOnlyFromPullable() throws Exception {
        api.pushImage("team-a/holder", token(basic("alice", "alice-pw"), "repository:team-a/holder:pull,push"));
        String mount = "/blobs/uploads/?mount=" + AuthorizedHttp.CONFIG_DIGEST;

        HttpResponse<String> withPull = api.post(
                "/v2/public/auto-alice" + mount,
                bearer(token(
                        basic("alice", "alice-pw"),
                        "repository:public/auto-alice:pull,push",
                        "repository:team-a/holder:pull")));
        String carols = token(basic("carol", "carol-pw"), "repository:public/auto-carol:pull,push");
        HttpResponse<String> withoutPull = api.post("/v2/public/auto-carol" + mount, bearer(carols));

        assertThat(withPull.statusCode()).as(withPull.body()).isEqualTo(201);
        assertThat(withoutPull.statusCode()).as(withoutPull.body()).isEqualTo(202);
        assertThat(api.get("/v2/public/auto-carol/blobs/" + AuthorizedHttp.CONFIG_DIGEST, bearer(carols))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a token that lacks the scope a request needs is challenged with error=\"insufficient_scope\"")
    void insufficientScope() throws Exception {
        String pullOnly = token(basic("alice", "alice-pw"), "repository:team-a/app:pull");

        HttpResponse<String> push = api.post("/v2/team-a/app/blobs/uploads/", bearer(pullOnly));

        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow())
                .endsWith("scope=\"repository:team-a/app:pull,push\",error=\"insufficient_scope\"");
    }

    @Test
    @DisplayName("a huge or malformed Authorization header is refused without a server error")
    void badHeaders() throws Exception {
        assertThat(api.get("/v2/", "Bearer " + "x".repeat(20_000)).statusCode()).isBetween(400, 499);
        assertThat(api.get("/v2/", "Bearer not.a.token").statusCode()).isEqualTo(401);
        assertThat(api.get("/token", "Basic %%%").statusCode()).isEqualTo(401);
        assertThat(api.get("/v2/", "Digest x").statusCode()).isEqualTo(401);
    }

    private String token(String authorization, String... scopes) throws Exception {
        StringBuilder query = new StringBuilder("/token?service=berth-registry");
        for (String scope : scopes) {
            query.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = api.get(query.toString(), authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getString("token");
    }
}
