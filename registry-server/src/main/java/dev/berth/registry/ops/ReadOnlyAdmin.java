package dev.berth.registry.ops;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.http.BoundedBody;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET and PUT /_berth/admin/read-only: {"readOnly": true|false}. */
final class ReadOnlyAdmin implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyAdmin.class);
    /** The body is one small JSON object; anything larger is a mistake. */
    private static final int MAX_BODY_BYTES = 1024;

    private final ReadOnlyMode mode;

    ReadOnlyAdmin(ReadOnlyMode mode) {
        this.mode = mode;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            reply(ctx);
        } else if (ctx.request().method() == HttpMethod.PUT) {
            BoundedBody.read(ctx.request(), MAX_BODY_BYTES)
                    .onSuccess(body -> update(ctx, body))
                    .onFailure(ctx::fail);
        } else {
            ctx.fail(new DistributionException(
                    ErrorCode.UNSUPPORTED,
                    405,
                    ctx.request().method() + " is not supported on "
                            + ctx.request().path() + ": use GET or PUT",
                    null));
        }
    }

    private void update(RoutingContext ctx, Buffer body) {
        Boolean wanted = parse(body.toString());
        if (wanted == null) {
            ctx.fail(new DistributionException(
                    ErrorCode.UNSUPPORTED,
                    400,
                    "expected a JSON body {\"readOnly\": true} or {\"readOnly\": false}",
                    null));
            return;
        }
        mode.set(wanted);
        LOG.warn("read-only mode {} through the admin API", wanted ? "switched on" : "switched off");
        reply(ctx);
    }

    private static Boolean parse(String body) {
        try {
            Object value = new JsonObject(body).getValue("readOnly");
            return value instanceof Boolean flag ? flag : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private void reply(RoutingContext ctx) {
        JsonReplies.send(ctx.request(), 200, new JsonObject().put("readOnly", mode.enabled()));
    }
}
