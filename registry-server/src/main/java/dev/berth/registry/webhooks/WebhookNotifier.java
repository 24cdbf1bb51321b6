package dev.berth.registry.webhooks;

import dev.berth.registry.auth.Caller;
import dev.berth.registry.http.ManifestActivity;
import java.time.Instant;

/** Turns manifest activity on the API into webhook events. */
public final class WebhookNotifier implements ManifestActivity {
    private final Webhooks webhooks;

    public WebhookNotifier(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void happened(
            Caller caller,
            String action,
            String repository,
            String reference,
            String digest,
            String mediaType,
            long size) {
        // A reference with a colon is a digest (tags cannot hold one); otherwise it is the tag.
        String tag = reference.contains(":") ? null : reference;
        // Caller names anonymous callers "anonymous", as events must.
        webhooks.publish(
                new WebhookEvent(action, repository, tag, digest, mediaType, size, caller.toString(), Instant.now()));
    }
}
