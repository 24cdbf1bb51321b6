package dev.berth.registry.gc;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.http.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_berth/admin/gc}: runs one collection now and answers its report as JSON. The
 * body is optional: {@code {"dryRun": true, "deleteUntagged": true}} overrides the configured
 * defaults. The pipeline's admin gate stands before it.
 */
public final class GcAdminEndpoint implements Handler<RoutingContext> {
    public static final String PATH = "/_berth/admin/gc";
    private static final int MAX_BODY_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(GcAdminEndpoint.class);

    private final GarbageCollector collector;
    private final GcOptions defaults;

    GcAdminEndpoint(GarbageCollector collector, GcOptions defaults) {
        this.collector = collector;
        this.defaults = defaults;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            ctx.fail(new DistributionException(ErrorCode.UNSUPPORTED, 405, "use POST " + PATH, null));
            return;
        }
        BoundedBody.read(ctx.request(), MAX_BODY_BYTES)
                .compose(body -> collector.collect(options(body)))
                .recover(failure -> Future.failedFuture(answer(failure)))
                .compose(report -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(report.toJson().encode()))
                .onFailure(ctx::fail);
    }

    private static Throwable answer(Throwable failure) {
        if (failure instanceof GcBusyException) {
            return new DistributionException(ErrorCode.TOOMANYREQUESTS, failure.getMessage());
        }
        if (failure instanceof GcFailedException failed) {
            // What was deleted is said to the operator who asked, not only to the log.
            LOG.warn("{}", failed.getMessage(), failed.getCause());
            return new DistributionException(ErrorCode.UNKNOWN, failed.getMessage());
        }
        return failure;
    }

    private GcOptions options(Buffer body) {
        if (body.toString().isBlank()) {
            return defaults;
        }
        try {
            JsonObject json = body.toJsonObject();
            return new GcOptions(
                    json.getBoolean("dryRun", defaults.dryRun()),
                    json.getBoolean("deleteUntagged", defaults.deleteUntagged()),
                    defaults.gracePeriod(),
                    defaults.purgeUploadsAfter());
        } catch (RuntimeException e) {
            throw new DistributionException(
                    ErrorCode.UNSUPPORTED,
                    400,
                    "expected a JSON object with optional booleans dryRun and deleteUntagged: " + e.getMessage(),
                    null);
        }
    }
}
