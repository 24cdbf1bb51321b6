package dev.berth.registry.config;

import dev.berth.registry.webhooks.Delivery;
import dev.berth.registry.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.util.List;

/** Where manifest events go, and how hard each is tried. */
public record WebhooksConfig(List<WebhookEndpoint> endpoints, Delivery delivery) {
    /** Five attempts over about 15 seconds; an endpoint down longer than that loses the event (logged). */
    static final Delivery DELIVERY = new Delivery(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 1000);

    public static WebhooksConfig none() {
        return new WebhooksConfig(List.of(), DELIVERY);
    }
}
