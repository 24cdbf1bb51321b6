package dev.berth.conformance.suite.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.suite.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token handshake registries commonly put in front of the API: a 401 with
 * {@code WWW-Authenticate: Bearer realm=…,service=…,scope=…} means "fetch a token from the realm,
 * with your credentials, and send it". Tokens are kept per challenge, since each names its scope.
 */
final class BearerTokens {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final RegistryClient client;
    private final Optional<Credentials> credentials;
    private final Map<String, String> byChallenge = new ConcurrentHashMap<>();

    BearerTokens(RegistryClient client, Optional<Credentials> credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    static String basic(Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A token for a bearer challenge; empty when the challenge is not one, or the realm gave none. */
    Optional<String> forChallenge(Optional<String> header) {
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> parameters = parameters(header.get().substring(7));
        if (!parameters.containsKey("realm")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byChallenge.computeIfAbsent(header.get(), ignored -> fetch(parameters)));
    }

    private String fetch(Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(parameters.get("realm"));
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        for (String name : new String[] {"service", "scope"}) {
            if (parameters.containsKey(name)) {
                url.append(separator)
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(parameters.get(name), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url.toString())).GET();
        credentials.ifPresent(c -> request.header("Authorization", basic(c)));
        Exchange answer = client.send(request.build());
        if (answer.status() != 200) {
            return null;
        }
        return answer.json()
                .map(json -> json.hasNonNull("token") ? json.get("token") : json.get("access_token"))
                .map(JsonNode::asText)
                .orElse(null);
    }

    private static Map<String, String> parameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }
}
