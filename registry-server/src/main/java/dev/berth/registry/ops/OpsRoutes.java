package dev.berth.registry.ops;

import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed paths outside the distribution API (/healthz, /readyz, /metrics when served on the main
 * port, /_berth/admin/read-only), answered before a request reaches the API handler.
 */
public final class OpsRoutes implements Handler<HttpServerRequest> {
    /** Probes are frequent and a load balancer gives up after a few seconds: answer within its patience. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Handler<HttpServerRequest>> routes;
    private final Handler<HttpServerRequest> next;

    private OpsRoutes(Map<String, Handler<HttpServerRequest>> routes, Handler<HttpServerRequest> next) {
        this.routes = routes;
        this.next = next;
    }

    /**
     * @param metrics the /metrics handler when metrics are served on the main port, else null
     * @param next    what handles every other path
     */
    public static OpsRoutes create(StorageDriver driver, ReadOnlyMode mode, Handler<HttpServerRequest> metrics,
                                   Handler<HttpServerRequest> next) {
        HealthEndpoints health = new HealthEndpoints(new StorageProbe(driver, PROBE_TIMEOUT));
        ReadOnlyAdmin readOnly = new ReadOnlyAdmin(mode);
        Map<String, Handler<HttpServerRequest>> routes = new HashMap<>(Map.of(
                "/healthz", health::healthz,
                "/readyz", health::readyz,
                "/_berth/admin/read-only", readOnly::handle));
        if (metrics != null) {
            routes.put("/metrics", metrics);
        }
        return new OpsRoutes(Map.copyOf(routes), next);
    }

    @Override
    public void handle(HttpServerRequest request) {
        routes.getOrDefault(request.path(), next).handle(request);
    }
}
