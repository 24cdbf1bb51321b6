package dev.berth.registry.auth;

import static dev.berth.registry.auth.Action.PULL;
import static dev.berth.registry.auth.Action.PUSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens an attacker might forge or replay, each of which the verifier must refuse (issue 5, point 6). */
class TokenAttacksTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final AccessPolicy POLICY = new AccessPolicy(List.of(
            new AccessRule(RepositoryPattern.of("team-a/**"), Set.of(), Map.of("alice", Set.of(PULL, PUSH))),
            new AccessRule(RepositoryPattern.of("team-b/**"), Set.of(), Map.of("bob", Set.of(PULL, PUSH)))));

    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a token we issued grants exactly its scopes to its subject")
    void genuineToken() throws Exception {
        SigningKey key = key("key.pem");

        TokenVerifier.Grant grant = verify(
                verifier(key),
                issuer(key, Instant.now())
                        .issue(Caller.user("alice"), scopes("repository:team-a/app:pull,push"))
                        .token());

        assertThat(grant.caller()).isEqualTo(Caller.user("alice"));
        assertThat(grant.allows("team-a/app", PUSH)).isTrue();
        assertThat(grant.allows("team-a/other", PULL)).isFalse();
    }

    @Test
    @DisplayName("asking for more than the policy grants yields a token with only the granted actions")
    void scopeEscalation() throws Exception {
        SigningKey key = key("key.pem");

        String token = issuer(key, Instant.now())
                .issue(
                        Caller.user("alice"),
                        scopes("repository:team-a/app:pull,push,delete", "repository:team-b/app:pull,push"))
                .token();
        TokenVerifier.Grant grant = verify(verifier(key), token);

        assertThat(grant.scopes()).containsExactly(TokenScope.repository("team-a/app", Set.of(PULL, PUSH)));
    }

    @Test
    @DisplayName("a token for repository A does not open repository B")
    void tokenForAnotherRepository() throws Exception {
        SigningKey key = key("key.pem");

        TokenVerifier.Grant grant = verify(
                verifier(key),
                issuer(key, Instant.now())
                        .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                        .token());

        assertThat(grant.allows("team-b/app", PULL)).isFalse();
        assertThat(grant.allows("team-a/app2", PULL)).isFalse();
    }

    @Test
    @DisplayName("an unsigned token (alg none) is refused")
    void algNone() throws Exception {
        SigningKey key = key("key.pem");
        String genuine = issuer(key, Instant.now())
                .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                .token();
        String[] parts = genuine.split("\\.");

        String unsigned =
                b64(new JsonObject().put("alg", "none").put("typ", "JWT").encode()) + "." + parts[1] + ".";

        assertRefused(verifier(key), unsigned);
    }

    @Test
    @DisplayName("an HS256 token keyed with our public key is refused")
    void hs256WithThePublicKey() throws Exception {
        SigningKey key = key("key.pem");
        String genuine = issuer(key, Instant.now())
                .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                .token();
        String signingInput =
                b64(new JsonObject().put("alg", "HS256").put("typ", "JWT").encode()) + "." + genuine.split("\\.")[1];

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.publicPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String forged = signingInput + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(verifier(key), forged);
    }

    @Test
    @DisplayName("a token signed by a key we do not trust is refused")
    void unknownKey() throws Exception {
        SigningKey ours = key("ours.pem");
        SigningKey theirs = key("theirs.pem");

        assertRefused(
                verifier(ours),
                issuer(theirs, Instant.now())
                        .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                        .token());
    }

    @Test
    @DisplayName("an expired token is refused")
    void expired() throws Exception {
        SigningKey key = key("key.pem");

        String token = issuer(key, Instant.now().minus(TTL).minusSeconds(120))
                .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                .token();

        assertRefused(verifier(key), token);
    }

    @Test
    @DisplayName("a token that is not valid yet is refused")
    void notYetValid() throws Exception {
        SigningKey key = key("key.pem");

        String token = issuer(key, Instant.now().plus(Duration.ofHours(1)))
                .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                .token();

        assertRefused(verifier(key), token);
    }

    @Test
    @DisplayName("a token for another service (audience) or from another issuer is refused")
    void wrongAudienceOrIssuer() throws Exception {
        SigningKey key = key("key.pem");
        TokenIssuer otherService =
                new TokenIssuer(vertx, key, POLICY, "berth", "other-registry", TTL, Clock.systemUTC());
        TokenIssuer otherIssuer =
                new TokenIssuer(vertx, key, POLICY, "someone-else", "berth-registry", TTL, Clock.systemUTC());

        assertRefused(
                verifier(key),
                otherService
                        .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                        .token());
        assertRefused(
                verifier(key),
                otherIssuer
                        .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                        .token());
    }

    @Test
    @DisplayName("a token whose payload was changed after signing is refused")
    void tamperedPayload() throws Exception {
        SigningKey key = key("key.pem");
        String[] parts = issuer(key, Instant.now())
                .issue(Caller.user("alice"), scopes("repository:team-a/app:pull"))
                .token()
                .split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("team-a", "team-b");

        assertRefused(verifier(key), parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    @DisplayName("malformed tokens are refused, not crashed on")
    void malformed() throws Exception {
        TokenVerifier verifier = verifier(key("key.pem"));

        for (String garbage :
                List.of("", "a", "a.b", "a.b.c", "....", "x".repeat(100_000), "eyJhbGciOiJFUzI1NiJ9.e30.")) {
            assertRefused(verifier, garbage);
        }
    }

    private SigningKey key(String name) throws Exception {
        return SigningKey.loadOrCreate(dir.resolve(name));
    }

    private TokenIssuer issuer(SigningKey key, Instant at) {
        return new TokenIssuer(vertx, key, POLICY, "berth", "berth-registry", TTL, Clock.fixed(at, ZoneOffset.UTC));
    }

    private TokenVerifier verifier(SigningKey key) {
        return new TokenVerifier(
                vertx,
                List.of(new PubSecKeyOptions().setAlgorithm(key.algorithm()).setBuffer(key.publicPem())),
                "berth",
                "berth-registry");
    }

    private static TokenVerifier.Grant verify(TokenVerifier verifier, String token) throws Exception {
        return verifier.verify(token).await(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(TokenVerifier verifier, String token) {
        assertThatThrownBy(() -> verify(verifier, token))
                .as("token %s", token.length() > 80 ? token.substring(0, 80) + "…" : token)
                .isNotNull();
    }

    private static List<TokenScope> scopes(String... texts) {
        return java.util.Arrays.stream(texts)
                .map(text -> TokenScope.parse(text).orElseThrow())
                .toList();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
