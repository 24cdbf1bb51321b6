package dev.berth.registry;

import dev.berth.registry.config.WebhooksConfig;
import dev.berth.registry.http.ManifestActivity;
import dev.berth.registry.webhooks.WebhookNotifier;
import dev.berth.registry.webhooks.Webhooks;
import io.vertx.core.Vertx;

/** What the API tells about manifest pushes, pulls and deletes: webhook events, when endpoints are configured. */
final class ManifestWebhooks {
    private ManifestWebhooks() {}

    static ManifestActivity of(Vertx vertx, WebhooksConfig webhooks) {
        if (webhooks.endpoints().isEmpty()) {
            return ManifestActivity.IGNORED;
        }
        return new WebhookNotifier(Webhooks.create(vertx, webhooks.endpoints(), webhooks.delivery()));
    }
}
