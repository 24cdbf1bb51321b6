package dev.berth.registry.config;

import dev.berth.registry.webhooks.WebhookEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The webhooks section as written: a list of endpoints, each a url and optionally headers, a timeout and events. */
record WebhooksSection(List<Endpoint> endpoints) implements ConfigSection {
    private static final Set<String> EVENTS = Set.of("push", "pull", "delete");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** One entry of {@code webhooks.endpoints}; left-out keys are null until {@link #resolve} fills them in. */
    record Endpoint(URI url, Map<String, String> headers, Duration timeout, Set<String> events) {}

    WebhooksConfig resolve() {
        List<WebhookEndpoint> resolved = new ArrayList<>();
        for (Endpoint entry : endpoints) {
            String where = "webhooks.endpoints[" + resolved.size() + "]";
            if (entry.url() == null) {
                throw new ConfigException(where + " needs a url: an http:// or https:// URL");
            }
            Set<String> events = entry.events() == null || entry.events().isEmpty() ? EVENTS : entry.events();
            if (!EVENTS.containsAll(events)) {
                throw new ConfigException(where + " events must be among push, pull, delete; got " + events);
            }
            resolved.add(new WebhookEndpoint(
                    entry.url(),
                    entry.headers() == null ? Map.of() : Map.copyOf(entry.headers()),
                    entry.timeout() == null ? DEFAULT_TIMEOUT : entry.timeout(),
                    Set.copyOf(events)));
        }
        return new WebhooksConfig(List.copyOf(resolved), WebhooksConfig.DELIVERY);
    }
}
