package dev.berth.testkit.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests to a registry with java.net.http, over HTTP/1.1: the JDK client would otherwise offer an
 * h2c upgrade on every plain-HTTP request, which registries do not speak. Targets are paths with an
 * optional query, or the Locations the registry hands back (relative ones, as Berth's, or absolute
 * ones, as registry:2's). Headers are given as name, value, name, value…
 */
public final class RegistryClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration API_TEST_DEADLINE = Duration.ofSeconds(60);
    private static final HttpClient NOT_FOLLOWING = client(HttpClient.Redirect.NEVER);
    private static final HttpClient FOLLOWING = client(HttpClient.Redirect.NORMAL);

    private final URI base;
    private final HttpClient http;
    private final Optional<Duration> deadline;

    private RegistryClient(URI base, HttpClient http, Optional<Duration> deadline) {
        this.base = base;
        this.http = http;
        this.deadline = deadline;
    }

    /** For the API's own tests: a redirect is an answer to look at, and a request that hangs fails after 60 s. */
    public RegistryClient(URI base) {
        this(base, NOT_FOLLOWING, Optional.of(API_TEST_DEADLINE));
    }

    /**
     * For moving content: follows redirects (blob GETs sent on to S3), and gives a request as long
     * as its body takes, for blobs of GiBs.
     */
    public static RegistryClient forTransfers(URI base) {
        return new RegistryClient(base, FOLLOWING, Optional.empty());
    }

    public URI base() {
        return base;
    }

    /** Where {@code target} points: the base's host with its path, or itself when absolute. */
    public URI resolve(String target) {
        return base.resolve(target);
    }

    public Reply get(String target, String... headers) {
        return send("GET", target, BodyPublishers.noBody(), headers);
    }

    public Reply head(String target, String... headers) {
        return send("HEAD", target, BodyPublishers.noBody(), headers);
    }

    public Reply delete(String target, String... headers) {
        return send("DELETE", target, BodyPublishers.noBody(), headers);
    }

    public Reply post(String target, byte[] body, String... headers) {
        return send("POST", target, BodyPublishers.ofByteArray(body), headers);
    }

    public Reply put(String target, byte[] body, String... headers) {
        return send("PUT", target, BodyPublishers.ofByteArray(body), headers);
    }

    public Reply patch(String target, byte[] body, String... headers) {
        return send("PATCH", target, BodyPublishers.ofByteArray(body), headers);
    }

    /** Any request, its whole answer held in memory. */
    public Reply send(String method, String target, BodyPublisher body, String... headers) {
        return new Reply(exchange(method, target, body, BodyHandlers.ofByteArray(), headers));
    }

    /** A GET whose body the caller reads as it arrives, and closes: a blob too large to hold. */
    public HttpResponse<InputStream> stream(String target, String... headers) {
        return exchange("GET", target, BodyPublishers.noBody(), BodyHandlers.ofInputStream(), headers);
    }

    private <T> HttpResponse<T> exchange(
            String method, String target, BodyPublisher body, BodyHandler<T> handler, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(target)).method(method, body);
        deadline.ifPresent(request::timeout);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + resolve(target) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + target, e);
        }
    }

    /** {@code target} with one more query parameter, whether or not it has a query already. */
    public static String withQuery(String target, String parameter) {
        return target + (target.contains("?") ? "&" : "?") + parameter;
    }

    private static HttpClient client(HttpClient.Redirect redirects) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(redirects)
                .build();
    }

    @Override
    public String toString() {
        return "registry at " + base;
    }
}
