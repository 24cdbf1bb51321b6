package dev.berth.registry.metrics;

import dev.berth.registry.http.ApiRoutes;
import dev.berth.registry.http.SentBytes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts and times every request by API endpoint, method and status, with the bytes it moved.
 * Every label comes from a bounded set, since each distinct value is a series held in memory
 * for good: the endpoint, never the raw path (one per repository); the method when HTTP or the
 * API knows it, else "other" (clients may send any token as a method); the status code.
 */
final class RequestMetrics implements Handler<RoutingContext> {
    private static final Set<HttpMethod> KNOWN_METHODS = Set.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    private final MeterRegistry meters;
    private final AtomicInteger uploadsInFlight;

    RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.uploadsInFlight = meters.gauge("berth.uploads.in.flight", new AtomicInteger());
    }

    /** Starts measuring; the endpoint is known once the pipeline has named it, so it is read at the end. */
    @Override
    public void handle(RoutingContext ctx) {
        Timer.Sample sample = Timer.start(meters);
        ctx.addEndHandler(done -> record(ctx, sample));
        ctx.next();
    }

    /** Counts an upload request as in flight until it ends; behind the stage that names the endpoint. */
    void countUploads(RoutingContext ctx) {
        if (ApiRoutes.isUpload(ctx) && ctx.request().method() != HttpMethod.GET) {
            uploadsInFlight.incrementAndGet();
            ctx.addEndHandler(done -> uploadsInFlight.decrementAndGet());
        }
        ctx.next();
    }

    private void record(RoutingContext ctx, Timer.Sample sample) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = request.response();
        String route = ApiRoutes.nameOf(ctx);
        String status = response.ended() ? String.valueOf(response.getStatusCode()) : "aborted";
        sample.stop(Timer.builder("berth.http.requests")
                .description("HTTP requests by API endpoint, method and status")
                .tag("route", route)
                .tag("method", methodLabel(request.method()))
                .tag("status", status)
                .publishPercentileHistogram()
                .register(meters));
        Counter.builder("berth.http.received.bytes")
                .description("Request bytes received, headers included")
                .tag("route", route)
                .register(meters)
                .increment(request.bytesRead());
        Counter.builder("berth.http.sent.bytes")
                .description("Response body bytes sent")
                .tag("route", route)
                .register(meters)
                .increment(SentBytes.of(ctx));
    }

    static String methodLabel(HttpMethod method) {
        return KNOWN_METHODS.contains(method) ? method.name() : "other";
    }
}
