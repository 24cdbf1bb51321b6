package dev.berth.registry.auth;

import static dev.berth.registry.auth.Action.PULL;
import static dev.berth.registry.auth.Action.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.PubSecKeyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Bearer tokens the registry is handed: its own, altered anywhere, and any text shaped like a JWT. */
class TokenProperties {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static Vertx vertx;
    private static Path dir;
    private static TokenVerifier verifier;
    private static String genuine;

    @BeforeContainer
    static void issueOne() throws Exception {
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("token-properties");
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        AccessPolicy policy = new AccessPolicy(List.of(
                new AccessRule(RepositoryPattern.of("team/**"), Set.of(), Map.of("alice", Set.of(PULL, PUSH)))));
        genuine = new TokenIssuer(vertx, key, policy, "berth", "berth-registry", Duration.ofHours(1), Clock.systemUTC())
                .issue(Caller.user("alice"), List.of(TokenScope.repository("team/app", Set.of(PULL, PUSH))))
                .token();
        verifier = new TokenVerifier(
                vertx,
                List.of(new PubSecKeyOptions().setAlgorithm(key.algorithm()).setBuffer(key.publicPem())),
                "berth",
                "berth-registry");
        assertThat(verify(genuine).succeeded()).as("the unaltered token").isTrue();
    }

    @AfterContainer
    static void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Property
    @Label(
            "our own token with any one character changed is refused, unless the change leaves the signature's bytes as they were")
    void alteredTokensAreRefused(@ForAll int position, @ForAll("urlCharacters") char replacement) {
        int at = Math.floorMod(position, genuine.length());
        Assume.that(genuine.charAt(at) != '.' && genuine.charAt(at) != replacement);
        String altered = genuine.substring(0, at) + replacement + genuine.substring(at + 1);
        Assume.that(!sameSignedContent(altered));

        assertThat(verify(altered).failed()).as(altered).isTrue();
    }

    @Property
    @Label(
            "any text shaped like a JWT (header, claims, signature of any content) is refused, as a failed answer and never a thrown exception")
    void forgedTokensAreRefused(@ForAll("forgeries") String token) {
        Future<TokenVerifier.Grant> answer = verify(token);

        assertThat(answer.failed()).as(token).isTrue();
    }

    private static Future<TokenVerifier.Grant> verify(String token) {
        Future<TokenVerifier.Grant> answer = verifier.verify(token);
        try {
            answer.await(10, TimeUnit.SECONDS);
        } catch (Exception refused) {
            // the answer holds it
        }
        return answer;
    }

    /** Whether {@code altered} decodes to the genuine token's header, claims and signature (base64url's spare bits). */
    private static boolean sameSignedContent(String altered) {
        String[] a = altered.split("\\.", -1);
        String[] g = genuine.split("\\.", -1);
        if (!a[0].equals(g[0]) || !a[1].equals(g[1])) {
            return false;
        }
        try {
            return Arrays.equals(
                    Base64.getUrlDecoder().decode(a[2]), Base64.getUrlDecoder().decode(g[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<Character> urlCharacters() {
        return Arbitraries.chars().with(URL_ALPHABET.toCharArray());
    }

    @Provide
    Arbitrary<String> forgeries() {
        String[] parts = genuine.split("\\.");
        Arbitrary<String> header = Arbitraries.oneOf(
                Arbitraries.of(
                                "{\"alg\":\"none\",\"typ\":\"JWT\"}",
                                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                                "{\"alg\":\"RS256\"}",
                                "{\"alg\":\"ES256\",\"kid\":\"../../etc/passwd\"}",
                                "{\"alg\":null}",
                                "{}",
                                "[]",
                                "null")
                        .map(TokenProperties::encode),
                Arbitraries.just(parts[0]),
                Arbitraries.strings().ofMaxLength(20).map(TokenProperties::encode));
        Arbitrary<String> claims = Arbitraries.oneOf(
                Arbitraries.of(
                                "{\"iss\":\"berth\",\"aud\":\"berth-registry\",\"sub\":\"alice\",\"exp\":99999999999,"
                                        + "\"access\":[{\"type\":\"repository\",\"name\":\"team/app\",\"actions\":[\"*\"]}]}",
                                "{\"access\":\"everything\"}",
                                "{\"exp\":\"never\"}")
                        .map(TokenProperties::encode),
                Arbitraries.just(parts[1]),
                Arbitraries.strings().ofMaxLength(20).map(TokenProperties::encode));
        Arbitrary<String> signature = Arbitraries.oneOf(
                Arbitraries.of("", parts[2], parts[2].substring(1), "AAAA"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(URL::encodeToString),
                Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> shaped = Combinators.combine(header, claims, signature)
                .as((h, c, s) -> h + "." + c + "." + s)
                .filter(token -> !token.equals(genuine));
        return Arbitraries.oneOf(shaped, Arbitraries.strings().ofMaxLength(60));
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
