package dev.berth.registry.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One receiver of webhook events.
 *
 * @param headers sent with every event (an authorization token, say)
 * @param timeout for one delivery attempt
 * @param actions the event actions it wants: "push", "pull", "delete"
 */
public record WebhookEndpoint(URI url, Map<String, String> headers, Duration timeout, Set<String> actions) {}
