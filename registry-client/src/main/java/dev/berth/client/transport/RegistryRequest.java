package dev.berth.client.transport;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request to a registry. The body is a supplier so that a retry, a redirect or an
 * authentication round trip can send it again.
 *
 * @param scopes the token scopes the request needs, should the registry ask for a token
 */
public record RegistryRequest(
        String method, URI uri, Map<String, String> headers, Supplier<BodyPublisher> body, List<String> scopes) {

    public RegistryRequest {
        headers = Map.copyOf(headers);
        scopes = List.copyOf(scopes);
        body = body == null ? BodyPublishers::noBody : body;
    }

    public static RegistryRequest of(String method, URI uri, List<String> scopes) {
        return new RegistryRequest(method, uri, Map.of(), null, scopes);
    }

    public RegistryRequest withHeaders(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(headers);
        merged.putAll(more);
        return new RegistryRequest(method, uri, merged, body, scopes);
    }

    public RegistryRequest withBody(Supplier<BodyPublisher> newBody) {
        return new RegistryRequest(method, uri, headers, newBody, scopes);
    }
}
