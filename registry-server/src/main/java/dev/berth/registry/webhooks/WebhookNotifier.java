package dev.berth.registry.webhooks;

import dev.berth.registry.http.ManifestActivity;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;

/** Turns manifest activity on the API into webhook events. */
public final class WebhookNotifier implements ManifestActivity {
    private final Webhooks webhooks;
    private final ActorOf actor;

    public WebhookNotifier(Webhooks webhooks, ActorOf actor) {
        this.webhooks = webhooks;
        this.actor = actor;
    }

    @Override
    public void happened(HttpServerRequest request, String action, String repository, String reference, String digest,
                         String mediaType, long size) {
        // A reference with a colon is a digest (tags cannot hold one); otherwise it is the tag.
        String tag = reference.contains(":") ? null : reference;
        webhooks.publish(new WebhookEvent(action, repository, tag, digest, mediaType, size, actor.of(request), Instant.now()));
    }
}
