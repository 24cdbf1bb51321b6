package dev.berth.registry.metrics;

import dev.berth.storage.StorageDriver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** The registry's meters, and the Prometheus text that /metrics serves from them. */
public final class RegistryMetrics {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GcMetrics gc = new GcMetrics(meters);
    private final RequestMetrics requests = new RequestMetrics(meters);
    private final MirrorMetrics mirror = new MirrorMetrics(meters);

    /** The pipeline stage that measures each request from its arrival. */
    public Handler<RoutingContext> measureRequests() {
        return requests;
    }

    /** The pipeline stage, behind the one that names the endpoint, that counts uploads in flight. */
    public Handler<RoutingContext> countUploads() {
        return requests::countUploads;
    }

    /** {@code driver}, each call timed and its failures counted. */
    public StorageDriver timeStorage(StorageDriver driver) {
        return new TimedStorageDriver(driver, meters);
    }

    /** Where garbage collection reports its runs. */
    public GcMetrics gc() {
        return gc;
    }

    /** Where the pull-through mirror counts what it does. */
    public MirrorMetrics mirror() {
        return mirror;
    }

    /** Answers a scrape: every meter in Prometheus text format. */
    public void scrape(HttpServerRequest request) {
        request.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(meters.scrape());
    }
}
