package dev.berth.registry.metrics;

import dev.berth.registry.http.ApiRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts and times every request by API endpoint (never the raw path: one label per repository
 * would make the series count grow without bound), method and status, with the bytes it moved.
 * Uses the response's body-end and close handlers because the access log owns its end handler.
 */
final class RequestMetrics implements Handler<HttpServerRequest> {
    private final MeterRegistry meters;
    private final Handler<HttpServerRequest> next;
    private final AtomicInteger uploadsInFlight;

    RequestMetrics(MeterRegistry meters, Handler<HttpServerRequest> next) {
        this.meters = meters;
        this.next = next;
        this.uploadsInFlight = meters.gauge("berth.uploads.in.flight", new AtomicInteger());
    }

    @Override
    public void handle(HttpServerRequest request) {
        Timer.Sample sample = Timer.start(meters);
        String route = ApiRoutes.nameOf(request.path());
        boolean upload = ApiRoutes.isUpload(request.path()) && request.method() != HttpMethod.GET;
        if (upload) {
            uploadsInFlight.incrementAndGet();
        }
        AtomicBoolean recorded = new AtomicBoolean();
        Handler<Void> finish = done -> {
            if (recorded.compareAndSet(false, true)) {
                if (upload) {
                    uploadsInFlight.decrementAndGet();
                }
                record(request, route, sample);
            }
        };
        request.response().bodyEndHandler(finish).closeHandler(finish);
        next.handle(request);
    }

    private void record(HttpServerRequest request, String route, Timer.Sample sample) {
        HttpServerResponse response = request.response();
        String method = request.method().name();
        String status = response.ended() ? String.valueOf(response.getStatusCode()) : "aborted";
        sample.stop(Timer.builder("berth.http.requests")
                .description("HTTP requests by API endpoint, method and status")
                .tag("route", route).tag("method", method).tag("status", status)
                .publishPercentileHistogram()
                .register(meters));
        Counter.builder("berth.http.received.bytes").description("Request bytes received, headers included")
                .tag("route", route).register(meters).increment(request.bytesRead());
        Counter.builder("berth.http.sent.bytes").description("Response body bytes sent")
                .tag("route", route).register(meters).increment(response.bytesWritten());
    }
}
