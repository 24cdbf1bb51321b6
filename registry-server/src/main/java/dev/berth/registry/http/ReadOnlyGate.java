package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.ops.ReadOnlyMode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** Lets reads through to the API and answers every write with 405 UNSUPPORTED while the registry is read-only. */
public final class ReadOnlyGate implements Handler<HttpServerRequest> {
    private final ReadOnlyMode mode;
    private final Handler<HttpServerRequest> next;

    public ReadOnlyGate(ReadOnlyMode mode, Handler<HttpServerRequest> next) {
        this.mode = mode;
        this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (!mode.enabled() || method == HttpMethod.GET || method == HttpMethod.HEAD) {
            next.handle(request);
            return;
        }
        request.response().putHeader(Headers.API_VERSION, "registry/2.0");
        ErrorResponses.send(request, new DistributionException(ErrorCode.UNSUPPORTED, 405,
                "the registry is read-only (maintenance): " + method + " " + request.path()
                        + " is refused; pulls work. An operator ends this with PUT /_berth/admin/read-only", null));
    }
}
