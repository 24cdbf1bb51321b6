package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.webhooks.WebhookEndpoint;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config file's {@code webhooks.endpoints} list, which no scalar setting can hold:
 * each entry has a url, and optionally headers, a timeout and the events it wants.
 */
final class WebhooksSection {
    static final String KEY = "webhooks";
    private static final Set<String> EVENTS = Set.of("push", "pull", "delete");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private WebhooksSection() {
    }

    /** @param section the file's {@code webhooks} node */
    static WebhooksConfig parse(JsonNode section, ValueSource source) {
        JsonNode endpoints = section.path("endpoints");
        if (section.size() != (endpoints.isMissingNode() ? 0 : 1) || !(endpoints.isArray() || endpoints.isMissingNode())) {
            throw new ConfigException("'webhooks' in " + source + " holds one key, 'endpoints', a list of {url, headers, timeout, events}");
        }
        List<WebhookEndpoint> result = new ArrayList<>();
        for (JsonNode entry : endpoints) {
            result.add(endpoint(entry, source.toString() + ", webhooks.endpoints[" + result.size() + "]"));
        }
        return new WebhooksConfig(List.copyOf(result), WebhooksConfig.DELIVERY);
    }

    private static WebhookEndpoint endpoint(JsonNode entry, String where) {
        URI url = parse(ValueParser.httpUrl(), entry.path("url").asText(""), where + " url")
                .orElseThrow(() -> new ConfigException(where + " needs a url: an http:// or https:// URL"));
        Map<String, String> headers = new LinkedHashMap<>();
        entry.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        Duration timeout = entry.has("timeout") ? parse(ValueParser.duration(), entry.get("timeout").asText(), where + " timeout")
                : DEFAULT_TIMEOUT;
        Set<String> events = new LinkedHashSet<>();
        entry.path("events").forEach(event -> events.add(event.asText()));
        if (events.isEmpty()) {
            events.addAll(EVENTS);
        }
        if (!EVENTS.containsAll(events)) {
            throw new ConfigException(where + " events must be among push, pull, delete; got " + events);
        }
        return new WebhookEndpoint(url, Map.copyOf(headers), timeout, Set.copyOf(events));
    }

    private static <T> T parse(ValueParser<T> parser, String text, String what) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + what + " '" + text + "': " + e.getMessage());
        }
    }
}
