package dev.berth.registry;

import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.core.Registry;
import dev.berth.registry.http.ManifestActivity;
import dev.berth.registry.http.ReadOnlyGate;
import dev.berth.registry.http.RegistryRouter;
import dev.berth.registry.metrics.RegistryMetrics;
import dev.berth.registry.ops.OpsRoutes;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.registry.webhooks.ActorOf;
import dev.berth.registry.webhooks.WebhookNotifier;
import dev.berth.registry.webhooks.Webhooks;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * The handlers a request on the main port passes, outermost first: access log, metrics, the
 * operational paths, the read-only gate, the distribution API.
 */
final class RequestPipeline {
    private RequestPipeline() {
    }

    /** @param metrics null when metrics are off */
    static Handler<HttpServerRequest> build(Vertx vertx, RegistryConfig config, Registry registry, StorageDriver driver,
                                            ReadOnlyMode readOnly, RegistryMetrics metrics) {
        ManifestActivity activity = config.webhooks().endpoints().isEmpty() ? ManifestActivity.IGNORED
                : new WebhookNotifier(Webhooks.create(vertx, config.webhooks().endpoints(), config.webhooks().delivery()),
                        ActorOf.ANONYMOUS);
        Handler<HttpServerRequest> api = new ReadOnlyGate(readOnly, RegistryRouter.create(vertx, registry, activity));
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
