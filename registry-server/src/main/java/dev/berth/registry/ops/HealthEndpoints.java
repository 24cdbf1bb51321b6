package dev.berth.registry.ops;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * /healthz answers while the process serves at all; /readyz only while storage takes a write,
 * so a load balancer stops sending traffic to a replica whose bucket or disk is gone.
 */
final class HealthEndpoints {
    private final StorageProbe probe;

    HealthEndpoints(StorageProbe probe) {
        this.probe = probe;
    }

    void healthz(HttpServerRequest request) {
        JsonReplies.send(request, 200, new JsonObject().put("status", "ok"));
    }

    void readyz(HttpServerRequest request) {
        probe.probe()
                .onComplete(
                        ready -> JsonReplies.send(request, 200, new JsonObject().put("status", "ready")),
                        failure -> JsonReplies.send(
                                request,
                                503,
                                new JsonObject()
                                        .put("status", "not ready")
                                        .put("reason", "storage is not writable: " + describe(failure))));
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
