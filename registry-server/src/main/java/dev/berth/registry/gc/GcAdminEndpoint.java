package dev.berth.registry.gc;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.http.ErrorResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /_berth/admin/gc}: runs one collection now and answers its report as JSON. The
 * body is optional: {@code {"dryRun": true, "deleteUntagged": true}} overrides the configured
 * defaults. Open to anyone who reaches it until an authentication gate is put before it.
 */
public final class GcAdminEndpoint {
    public static final String PATH = "/_berth/admin/gc";
    private static final int MAX_BODY_BYTES = 4096;

    private final GarbageCollector collector;
    private final GcOptions defaults;

    private GcAdminEndpoint(GarbageCollector collector, GcOptions defaults) {
        this.collector = collector;
        this.defaults = defaults;
    }

    /** Routes the endpoint ahead of every route already on {@code router}, the distribution API's catch-all among them. */
    static void mount(Router router, GarbageCollector collector, GcOptions defaults) {
        router.route(PATH).order(-1).handler(new GcAdminEndpoint(collector, defaults)::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            ErrorResponses.send(ctx.request(), new DistributionException(ErrorCode.UNSUPPORTED, 405, "use POST " + PATH, null));
            return;
        }
        ctx.request().body()
                .compose(body -> collector.collect(options(body)))
                .recover(failure -> Future.failedFuture(failure instanceof GcBusyException
                        ? new DistributionException(ErrorCode.TOOMANYREQUESTS, failure.getMessage())
                        : failure))
                .compose(report -> ctx.response().putHeader("Content-Type", "application/json").end(report.toJson().encode()))
                .onFailure(failure -> ErrorResponses.send(ctx.request(), failure));
    }

    private GcOptions options(Buffer body) {
        if (body.length() > MAX_BODY_BYTES) {
            throw invalid("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (body.toString().isBlank()) {
            return defaults;
        }
        try {
            JsonObject json = body.toJsonObject();
            return new GcOptions(json.getBoolean("dryRun", defaults.dryRun()),
                    json.getBoolean("deleteUntagged", defaults.deleteUntagged()),
                    defaults.gracePeriod(), defaults.purgeUploadsAfter());
        } catch (RuntimeException e) {
            throw invalid("expected a JSON object with optional booleans dryRun and deleteUntagged: " + e.getMessage());
        }
    }

    private static DistributionException invalid(String message) {
        return new DistributionException(ErrorCode.UNSUPPORTED, 400, message, null);
    }
}
