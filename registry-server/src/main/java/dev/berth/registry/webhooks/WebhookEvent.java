package dev.berth.registry.webhooks;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What happened to a manifest, as POSTed to webhook endpoints.
 *
 * @param action "push", "pull" or "delete"
 * @param tag    the tag the request named, or null when it named a digest
 * @param actor  who did it: the authenticated user, or "anonymous"
 */
public record WebhookEvent(
        String action,
        String repository,
        String tag,
        String digest,
        String mediaType,
        long size,
        String actor,
        Instant timestamp) {

    JsonObject toJson() {
        return new JsonObject()
                .put("action", action)
                .put("repository", repository)
                .put("tag", tag)
                .put("digest", digest)
                .put("mediaType", mediaType)
                .put("size", size)
                .put("actor", actor)
                .put("timestamp", timestamp.toString());
    }
}
