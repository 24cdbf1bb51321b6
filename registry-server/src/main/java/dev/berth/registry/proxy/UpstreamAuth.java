package dev.berth.registry.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.oci.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URLEncoder;
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
 * How this registry proves itself to one upstream: nothing until the upstream asks; then Basic
 * credentials, or a bearer token fetched from the realm the challenge names (docker's token
 * protocol, with the credentials as Basic when there are any). Tokens are kept per scope and used
 * until the upstream refuses them.
 */
final class UpstreamAuth {
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String upstream;
    private final HttpClient client;
    private final Optional<String> basic;
    /** The Authorization header to send per scope (a repository's pull scope), once a challenge was answered. */
    private final Map<String, String> headers = new ConcurrentHashMap<>();

    UpstreamAuth(String upstream, HttpClient client, Optional<String> username, Optional<String> password) {
        this.upstream = upstream;
        this.client = client;
        this.basic = username.map(user -> "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** The header known to work for this repository, if any. */
    Optional<String> header(String remoteRepository) {
        return Optional.ofNullable(headers.get(remoteRepository));
    }

    /** Answers a 401's challenge; the next request for the repository carries the result. */
    Future<Void> answer(String challenge, String remoteRepository) {
        if (challenge == null) {
            return Future.failedFuture(refused("answered 401 without a challenge"));
        }
        String scheme = challenge.trim().split("\\s+", 2)[0];
        if (scheme.equalsIgnoreCase("basic")) {
            if (basic.isEmpty()) {
                return Future.failedFuture(refused("asks for credentials, and none are configured"));
            }
            headers.put(remoteRepository, basic.get());
            return Future.succeededFuture();
        }
        if (!scheme.equalsIgnoreCase("bearer")) {
            return Future.failedFuture(refused("asks for an unknown authentication scheme: " + scheme));
        }
        Map<String, String> parameters = parameters(challenge);
        String realm = parameters.get("realm");
        if (realm == null) {
            return Future.failedFuture(refused("sent a bearer challenge without a realm"));
        }
        String scope = "repository:" + remoteRepository + ":pull";
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        parameters.entrySet().stream()
                .filter(p -> p.getKey().equals("service"))
                .forEach(
                        p -> url.append("service=").append(encode(p.getValue())).append('&'));
        url.append("scope=").append(encode(scope));
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url.toString())
                .setFollowRedirects(true);
        basic.ifPresent(header -> request.putHeader("Authorization", header));
        return client.request(request)
                .compose(req -> req.send())
                .compose(response -> UpstreamClient.body(response, upstream).compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(refused("token service at " + realm + " answered "
                                + response.statusCode()
                                + (basic.isPresent() ? " to the configured credentials" : "")));
                    }
                    headers.put(remoteRepository, "Bearer " + token(body, realm));
                    return Future.<Void>succeededFuture();
                }))
                .recover(e -> Future.failedFuture(
                        e instanceof UpstreamException
                                ? e
                                : UpstreamException.unavailable(
                                        upstream,
                                        "token service at " + realm + " cannot be reached: " + e.getMessage())));
    }

    /** Forgets what no longer works, so the next 401 is answered afresh. */
    void forget(String remoteRepository) {
        headers.remove(remoteRepository);
    }

    private String token(Buffer body, String realm) {
        try {
            JsonNode json = JSON.readTree(body.getBytes());
            String token = json.path("token").asText(json.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw refused("token service at " + realm + " sent no token");
            }
            return token;
        } catch (IOException e) {
            throw refused("token service at " + realm + " sent no JSON: " + e.getMessage());
        }
    }

    private static Map<String, String> parameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private UpstreamException refused(String problem) {
        return new UpstreamException(ErrorCode.DENIED, 403, "upstream " + upstream + " " + problem);
    }
}
