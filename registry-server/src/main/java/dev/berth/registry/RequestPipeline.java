package dev.berth.registry;

import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.gc.GarbageCollection;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.http.ReadOnlyGate;
import dev.berth.registry.metrics.RegistryMetrics;
import dev.berth.registry.ops.OpsRoutes;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

import java.util.Optional;

/**
 * The handlers a request on the main port passes, outermost first: access log, metrics, the admin
 * API's guard (with authentication), the operational paths, the read-only gate, the distribution
 * API (its own authentication first) and the garbage collection admin call.
 */
final class RequestPipeline {
    private RequestPipeline() {
    }

    /**
     * @param api         the distribution API's router, with authentication installed on it when configured
     * @param metrics     null when metrics are off
     * @param collections told about every garbage collection
     * @param auth        what guards the admin API, when authentication is configured
     */
    static Handler<HttpServerRequest> build(Vertx vertx, RegistryConfig config, Router api, StorageDriver driver,
                                            ReadOnlyMode readOnly, RegistryMetrics metrics, GcListener collections,
                                            Optional<AuthSetup> auth) {
        GarbageCollection.install(vertx, driver, api, config.gc(), config.uploads(), collections);
        boolean metricsHere = metrics != null && config.metrics().listen().isEmpty();
        Handler<HttpServerRequest> handler = OpsRoutes.create(driver, readOnly, metricsHere ? metrics::scrape : null,
                new ReadOnlyGate(readOnly, api));
        handler = Authentication.guardAdmin(vertx, auth, handler);
        if (metrics != null) {
            handler = metrics.measureRequests(handler);
        }
        if (config.log().accessLog()) {
            handler = new AccessLog(handler);
        }
        return handler;
    }
}
