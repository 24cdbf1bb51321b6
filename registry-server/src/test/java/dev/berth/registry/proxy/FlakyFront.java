package dev.berth.registry.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front for a real upstream registry that answers the first requests with an error status (and
 * a Retry-After), then passes requests through: the upstream failures a mirror must retry. Only
 * GET and HEAD without bodies are passed, which is all a mirror sends.
 */
final class FlakyFront implements AutoCloseable {
    private static final List<String> PASSED_HEADERS =
            List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Docker-Distribution-Api-Version");

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final int status;
    private final String retryAfter;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger requests = new AtomicInteger();

    private FlakyFront(URI target, int failures, int status, String retryAfter) throws IOException {
        this.target = target;
        this.status = status;
        this.retryAfter = retryAfter;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code failures} requests with {@code status} (and Retry-After when not null), then passes through. */
    static FlakyFront start(URI target, int failures, int status, String retryAfter) throws IOException {
        return new FlakyFront(target, failures, status, retryAfter);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request it was sent, failed or passed. */
    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (failuresLeft.getAndDecrement() > 0) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            for (String name : PASSED_HEADERS) {
                response.headers()
                        .firstValue(name)
                        .ifPresent(value -> exchange.getResponseHeaders().add(name, value));
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (head) {
                exchange.getResponseHeaders().add("Content-Length", String.valueOf(length));
            }
            exchange.sendResponseHeaders(response.statusCode(), head || length == 0 ? -1 : length);
            try (InputStream body = response.body();
                    OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
