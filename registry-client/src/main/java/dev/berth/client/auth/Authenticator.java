package dev.berth.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers registries' {@code WWW-Authenticate} challenges: Basic with the stored credentials, or
 * the token dance of the distribution auth spec (a GET to the challenge's realm with service and
 * scopes, anonymously or with Basic credentials). Tokens are kept per registry and scope until
 * they expire, and a registry that challenged once gets its answer up front from then on.
 */
public final class Authenticator {
    /** The token spec's default lifetime when the service names none. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    /** Tokens are renewed this long before they expire, so that none expires in flight. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final CredentialSource credentials;
    private final Clock clock;
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> fetchLocks = new ConcurrentHashMap<>();

    public Authenticator(HttpClient http, CredentialSource credentials, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The Authorization header to send before any challenge, if this registry challenged before. */
    public Optional<String> preemptive(String registry, List<String> scopes) {
        Challenge known = challenges.get(registry);
        if (known == null) {
            return Optional.empty();
        }
        if (known.isBasic()) {
            return credentials.lookup(registry).map(c -> "Basic " + c.basicToken());
        }
        Token token = tokens.get(tokenKey(registry, scopes));
        return token != null && token.usableAt(clock.instant())
                ? Optional.of("Bearer " + token.value())
                : Optional.empty();
    }

    /**
     * The Authorization header that answers {@code challengeHeader}; fails with AUTH when none can.
     * Parallel requests that meet the same challenge share one token: the first fetches it, the
     * others find it cached (unless it is the very token the registry just refused).
     *
     * @param refused the Authorization header the challenged request carried, if any
     */
    public String answer(String registry, String challengeHeader, List<String> scopes, Optional<String> refused) {
        if (challengeHeader == null) {
            throw new ClientException(FailureKind.AUTH, registry + " requires authentication but sent no challenge");
        }
        Challenge challenge = Challenge.parse(challengeHeader);
        challenges.put(registry, challenge);
        Optional<Credentials> stored = credentials.lookup(registry);
        if (challenge.isBasic()) {
            return "Basic "
                    + stored.orElseThrow(() -> new ClientException(
                                    FailureKind.AUTH, registry + " requires a login (berth login " + registry + ")"))
                            .basicToken();
        }
        if (!challenge.isBearer() || challenge.parameter("realm") == null) {
            throw new ClientException(
                    FailureKind.AUTH, registry + " asks for unsupported authentication: " + challengeHeader);
        }
        String key = tokenKey(registry, scopes);
        synchronized (fetchLocks.computeIfAbsent(key, k -> new Object())) {
            Token cached = tokens.get(key);
            if (cached != null
                    && cached.usableAt(clock.instant())
                    && !refused.equals(Optional.of("Bearer " + cached.value()))) {
                return "Bearer " + cached.value();
            }
            Token token = fetchToken(challenge, scopes, stored);
            tokens.put(key, token);
            return "Bearer " + token.value();
        }
    }

    private Token fetchToken(Challenge challenge, List<String> scopes, Optional<Credentials> stored) {
        StringBuilder query = new StringBuilder();
        if (challenge.parameter("service") != null) {
            query.append("service=").append(encode(challenge.parameter("service")));
        }
        List<String> wanted = scopes.isEmpty() && challenge.parameter("scope") != null
                ? List.of(challenge.parameter("scope"))
                : scopes;
        for (String scope : wanted) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
        }
        String realm = challenge.parameter("realm");
        URI uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60));
        stored.ifPresent(c -> request.header("Authorization", "Basic " + c.basicToken()));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.NETWORK, "cannot reach the token service " + realm + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(FailureKind.NETWORK, "interrupted while fetching a token", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ClientException(
                    FailureKind.AUTH,
                    "the token service " + realm + " refused "
                            + stored.map(c -> "the credentials of " + c.username())
                                    .orElse("anonymous access")
                            + " (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            throw new ClientException(
                    FailureKind.AUTH, "the token service " + realm + " answered HTTP " + response.statusCode());
        }
        return parseToken(response.body(), realm);
    }

    private Token parseToken(byte[] body, String realm) {
        try {
            JsonNode json = JSON.readTree(body);
            String value = json.path("token").asText(json.path("access_token").asText(""));
            if (value.isEmpty()) {
                throw new ClientException(FailureKind.AUTH, "the token service " + realm + " sent no token");
            }
            Duration lifetime = json.hasNonNull("expires_in")
                    ? Duration.ofSeconds(json.get("expires_in").asLong())
                    : DEFAULT_TOKEN_LIFETIME;
            Instant expiresAt = clock.instant().plus(lifetime).minus(EXPIRY_MARGIN);
            return new Token(value, expiresAt);
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.AUTH, "the token service " + realm + " sent no JSON: " + e.getMessage(), e);
        }
    }

    private static String tokenKey(String registry, List<String> scopes) {
        return registry + " " + String.join(" ", scopes.stream().sorted().toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
