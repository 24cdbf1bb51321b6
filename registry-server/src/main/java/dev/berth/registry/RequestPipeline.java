package dev.berth.registry;

import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.core.Registry;
import dev.berth.registry.gc.GarbageCollection;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.http.ReadOnlyGate;
import dev.berth.registry.http.RegistryRouter;
import dev.berth.registry.metrics.RegistryMetrics;
import dev.berth.registry.ops.OpsRoutes;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The handlers a request on the main port passes, outermost first: access log, metrics, the
 * operational paths, the read-only gate, the distribution API and the garbage collection admin call.
 */
final class RequestPipeline {
    private RequestPipeline() {
    }

    /**
     * @param metrics     null when metrics are off
     * @param collections told about every garbage collection
     */
    static Handler<HttpServerRequest> build(Vertx vertx, RegistryConfig config, Registry registry, StorageDriver driver,
                                            ReadOnlyMode readOnly, RegistryMetrics metrics, GcListener collections) {
        Router router = RegistryRouter.create(vertx, registry);
        GarbageCollection.install(vertx, driver, router, config.gc(), config.uploads(), collections);
        Handler<HttpServerRequest> api = new ReadOnlyGate(readOnly, router);
        boolean metricsHere = metrics != null && config.metrics().listen().isEmpty();
        Handler<HttpServerRequest> handler = OpsRoutes.create(driver, readOnly, metricsHere ? metrics::scrape : null, api);
        if (metrics != null) {
            handler = metrics.measureRequests(handler);
        }
        if (config.log().accessLog()) {
            handler = new AccessLog(handler);
        }
        return handler;
    }
}
