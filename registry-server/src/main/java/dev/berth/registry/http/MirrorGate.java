package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Refuses pushes and deletes to a repository an upstream serves, with DENIED naming the upstream:
 * its content is the upstream's, and a local change would be overwritten or hide the upstream's.
 */
public final class MirrorGate implements Handler<RoutingContext> {
    private final ContentSource content;

    public MirrorGate(ContentSource content) {
        this.content = content;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        ApiPath path = ApiPath.of(ctx).orElse(null);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || path == null || path.name() == null) {
            ctx.next();
            return;
        }
        content.mirroredBy(path.name())
                .ifPresentOrElse(
                        upstream -> {
                            ctx.response().putHeader(Headers.API_VERSION, "registry/2.0");
                            ctx.fail(new DistributionException(
                                    ErrorCode.DENIED,
                                    "repository " + path.name() + " is a mirror of upstream " + upstream
                                            + ": pushes and deletes are refused; push to a repository no upstream serves",
                                    Map.of("upstream", upstream)));
                        },
                        ctx::next);
    }
}
