package dev.berth.registry.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook delivery")
class WebhooksTest {
    private static final Delivery QUICK = new Delivery(3, Duration.ofMillis(20), Duration.ofMillis(100), 100);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName(
            "Every event reaches a healthy endpoint in order with its headers, while a failing endpoint beside it gets each event retried up to the attempt limit")
    void failingEndpointBesideHealthyOne() throws Exception {
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        HttpServer healthy = receiver(request -> {
            tokens.add(request.getHeader("Authorization"));
            request.body().onSuccess(body -> {
                received.add(body.toJsonObject());
                request.response().setStatusCode(204).end();
            });
        });
        AtomicInteger failedAttempts = new AtomicInteger();
        HttpServer failing = receiver(request -> {
            failedAttempts.incrementAndGet();
            request.response().setStatusCode(503).end();
        });
        Webhooks webhooks = Webhooks.create(
                vertx,
                List.of(
                        endpoint(failing, Map.of(), Set.of("push", "pull", "delete")),
                        endpoint(healthy, Map.of("Authorization", "Bearer s3cret"), Set.of("push", "delete"))),
                QUICK);

        webhooks.publish(event("push", "v1"));
        webhooks.publish(event("pull", "v1"));
        webhooks.publish(event("delete", "v1"));
        webhooks.publish(event("push", "v2"));

        eventually(() -> received.size() == 3 && failedAttempts.get() == 4 * 3);
        assertThat(received)
                .extracting(json -> json.getString("action") + ":" + json.getString("tag"))
                .containsExactly("push:v1", "delete:v1", "push:v2");
        assertThat(received.get(0).getMap())
                .containsEntry("repository", "team/app")
                .containsEntry("digest", "sha256:" + "a".repeat(64))
                .containsEntry("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .containsEntry("actor", "anonymous")
                .containsEntry("timestamp", "2026-11-28T17:00:00Z")
                .containsKey("size");
        assertThat(tokens).containsOnly("Bearer s3cret");
    }

    @Test
    @DisplayName(
            "An endpoint that recovers receives the event it failed, and a full queue drops new events instead of growing")
    void retriesThenDrops() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        HttpServer flaky = receiver(request -> request.body().onSuccess(body -> {
            if (calls.incrementAndGet() <= 2) {
                request.response().setStatusCode(500).end();
            } else {
                delivered.add(body.toJsonObject().getString("tag"));
                request.response().setStatusCode(200).end();
            }
        }));
        Delivery tiny = new Delivery(5, Duration.ofMillis(200), Duration.ofMillis(200), 2);
        Webhooks webhooks = Webhooks.create(vertx, List.of(endpoint(flaky, Map.of(), Set.of("push"))), tiny);

        for (String tag : List.of("a", "b", "c", "d")) {
            webhooks.publish(event("push", tag));
        }

        eventually(() -> delivered.size() == 2);
        Thread.sleep(300);
        assertThat(delivered).containsExactly("a", "b");
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private HttpServer receiver(Handler<HttpServerRequest> handler) throws Exception {
        return vertx.createHttpServer()
                .requestHandler(handler)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static WebhookEndpoint endpoint(HttpServer server, Map<String, String> headers, Set<String> actions) {
        return new WebhookEndpoint(
                URI.create("http://127.0.0.1:" + server.actualPort() + "/hook"),
                headers,
                Duration.ofSeconds(2),
                actions);
    }

    private static WebhookEvent event(String action, String tag) {
        return new WebhookEvent(
                action,
                "team/app",
                tag,
                "sha256:" + "a".repeat(64),
                "application/vnd.oci.image.manifest.v1+json",
                512,
                "anonymous",
                Instant.parse("2026-11-28T17:00:00Z"));
    }
}
