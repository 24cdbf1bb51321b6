package dev.berth.registry.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.List;

/** Sends each manifest event to every endpoint that wants it, without making the request wait. */
public final class Webhooks {
    private final List<EndpointQueue> queues;

    private Webhooks(List<EndpointQueue> queues) {
        this.queues = queues;
    }

    public static Webhooks create(Vertx vertx, List<WebhookEndpoint> endpoints, Delivery delivery) {
        HttpClient client = vertx.createHttpClient();
        return new Webhooks(endpoints.stream()
                .map(endpoint -> new EndpointQueue(endpoint, delivery, client, vertx.getOrCreateContext()))
                .toList());
    }

    public void publish(WebhookEvent event) {
        for (EndpointQueue queue : queues) {
            if (queue.wants(event)) {
                queue.enqueue(event);
            }
        }
    }
}
