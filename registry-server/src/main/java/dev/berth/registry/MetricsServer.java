package dev.berth.registry;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.http.ErrorResponses;
import dev.berth.registry.metrics.RegistryMetrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/** The request handler of the port of its own that metrics.listen gives /metrics: that path and nothing else. */
final class MetricsServer {
    private MetricsServer() {}

    static Handler<HttpServerRequest> handler(RegistryMetrics metrics) {
        return request -> {
            if (request.path().equals("/metrics")) {
                metrics.scrape(request);
            } else {
                ErrorResponses.send(
                        request,
                        new DistributionException(ErrorCode.UNSUPPORTED, 404, "this port serves /metrics only", null));
            }
        };
    }
}
