package dev.berth.conformance.suite.support;

import dev.berth.conformance.suite.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's only way to talk to the registry: plain HTTP requests whose whole answer comes back
 * as an {@link Exchange}. It authenticates (basic, or a bearer token fetched with the same
 * credentials when the registry challenges for one) and follows redirects of GET and HEAD itself,
 * so that credentials never travel to another host, such as a storage service a blob URL
 * redirects to.
 */
public final class RegistryClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final URI base;
    private final Optional<Credentials> credentials;
    private final BearerTokens tokens;
    // HTTP/1.1: otherwise the JDK client offers an h2c upgrade on every plain-HTTP request.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public RegistryClient(URI base, Optional<Credentials> credentials) {
        this.base = base;
        this.credentials = credentials;
        this.tokens = new BearerTokens(this, credentials);
    }

    public URI base() {
        return base;
    }

    /** A request to {@code target}: a path (resolved against the registry's URL) or an absolute URL. */
    public Call call(String method, String target) {
        return new Call(this, method, resolve(target));
    }

    public Call call(String method, URI target) {
        return new Call(this, method, target);
    }

    /** A Location or Link target, which the spec allows to be relative or absolute. */
    public URI resolve(String target) {
        URI uri = URI.create(target);
        if (uri.isAbsolute()) {
            return uri;
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority()).resolve(uri);
    }

    Exchange execute(Call call) {
        URI uri = call.uri();
        for (int redirects = 0; ; redirects++) {
            Exchange exchange = authenticated(call, uri);
            Optional<String> location = exchange.header("Location");
            boolean follow = REDIRECTS.contains(exchange.status())
                    && location.isPresent()
                    && (call.method().equals("GET") || call.method().equals("HEAD"));
            if (!follow || redirects == MAX_REDIRECTS) {
                return exchange;
            }
            uri = uri.resolve(location.get());
        }
    }

    /** Sends with what authorisation we have; on a bearer challenge, fetches a token and tries once more. */
    private Exchange authenticated(Call call, URI uri) {
        boolean ownHost = sameOrigin(uri, base);
        Exchange exchange = send(call, uri, ownHost ? credentials.map(BearerTokens::basic) : Optional.empty());
        if (ownHost && exchange.status() == 401) {
            Optional<String> token = tokens.forChallenge(exchange.header("WWW-Authenticate"));
            if (token.isPresent()) {
                return send(call, uri, Optional.of("Bearer " + token.get()));
            }
        }
        return exchange;
    }

    private Exchange send(Call call, URI uri, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        call.headers().forEach(request::header);
        authorization.ifPresent(value -> request.header("Authorization", value));
        request.method(
                call.method(), call.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(call.body()));
        return send(request.build());
    }

    Exchange send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
            byte[] body = response.body() == null ? new byte[0] : response.body();
            return new Exchange(request.method(), request.uri(), response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }
}
