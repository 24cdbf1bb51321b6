package dev.berth.registry.metrics;

import dev.berth.storage.StorageDriver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/** The registry's meters, and the Prometheus text that /metrics serves from them. */
public final class RegistryMetrics {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GcMetrics gc = new GcMetrics(meters);

    /** {@code next}, measured. */
    public Handler<HttpServerRequest> measureRequests(Handler<HttpServerRequest> next) {
        return new RequestMetrics(meters, next);
    }

    /** {@code driver}, each call timed and its failures counted. */
    public StorageDriver timeStorage(StorageDriver driver) {
        return new TimedStorageDriver(driver, meters);
    }

    /** Where garbage collection reports its runs. */
    public GcMetrics gc() {
        return gc;
    }

    /** Answers a scrape: every meter in Prometheus text format. */
    public void scrape(HttpServerRequest request) {
        request.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(meters.scrape());
    }
}
