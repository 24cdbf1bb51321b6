package dev.berth.registry.http;

import dev.berth.oci.MediaTypes;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The media types a manifest GET accepts. No Accept header accepts anything; otherwise the
 * stored type must be listed or covered by a wildcard, as registry:2 decides it.
 */
final class AcceptHeader {
    private final List<String> types;

    private AcceptHeader(List<String> types) {
        this.types = types;
    }

    static AcceptHeader of(HttpServerRequest request) {
        List<String> types = new ArrayList<>();
        for (String header : request.headers().getAll("Accept")) {
            for (String part : header.split(",")) {
                String type = MediaTypes.essence(part);
                if (!type.isEmpty()) {
                    types.add(type);
                }
            }
        }
        return new AcceptHeader(types);
    }

    boolean accepts(String mediaType) {
        if (types.isEmpty()) {
            return true;
        }
        String family = mediaType.substring(0, Math.max(mediaType.indexOf('/'), 0)) + "/*";
        return types.contains(mediaType) || types.contains("*/*") || types.contains(family);
    }
}
