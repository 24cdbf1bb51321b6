package dev.berth.registry.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Requests to the registry with java.net.http. Targets are paths with an optional query, or the
 * relative Locations the registry hands back. Headers are given as name, value, name, value…
 */
final class RegistryClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    RegistryClient(URI base) {
        this.base = base;
    }

    Reply get(String target, String... headers) {
        return send("GET", target, BodyPublishers.noBody(), headers);
    }

    Reply head(String target, String... headers) {
        return send("HEAD", target, BodyPublishers.noBody(), headers);
    }

    Reply delete(String target) {
        return send("DELETE", target, BodyPublishers.noBody());
    }

    Reply post(String target, byte[] body, String... headers) {
        return send("POST", target, BodyPublishers.ofByteArray(body), headers);
    }

    Reply put(String target, byte[] body, String... headers) {
        return send("PUT", target, BodyPublishers.ofByteArray(body), headers);
    }

    Reply patch(String target, byte[] body, String... headers) {
        return send("PATCH", target, BodyPublishers.ofByteArray(body), headers);
    }

    Reply send(String method, String target, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new Reply(HTTP.send(request.build(), BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code target} with one more query parameter, whether or not it has a query already. */
    static String withQuery(String target, String parameter) {
        return target + (target.contains("?") ? "&" : "?") + parameter;
    }
}
