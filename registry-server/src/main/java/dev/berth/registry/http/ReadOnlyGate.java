package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.ops.ReadOnlyMode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** Lets reads through and answers every write with 405 UNSUPPORTED while the registry is read-only. */
public final class ReadOnlyGate implements Handler<RoutingContext> {
    private final ReadOnlyMode mode;

    public ReadOnlyGate(ReadOnlyMode mode) {
        this.mode = mode;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (!mode.enabled() || method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(Headers.API_VERSION, "registry/2.0");
        ctx.fail(new DistributionException(
                ErrorCode.UNSUPPORTED,
                405,
                "the registry is read-only (maintenance): " + method + " "
                        + ctx.request().path()
                        + " is refused; pulls work. An operator ends this with PUT /_berth/admin/read-only",
                null));
    }
}
