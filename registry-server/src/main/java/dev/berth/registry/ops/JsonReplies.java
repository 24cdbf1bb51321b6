package dev.berth.registry.ops;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/** The JSON answers of the operational endpoints. */
final class JsonReplies {
    private JsonReplies() {}

    static void send(HttpServerRequest request, int status, JsonObject body) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
