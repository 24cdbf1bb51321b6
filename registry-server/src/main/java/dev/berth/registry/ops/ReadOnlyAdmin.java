package dev.berth.registry.ops;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.http.ErrorResponses;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET and PUT /_berth/admin/read-only: {"readOnly": true|false}. */
final class ReadOnlyAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyAdmin.class);
    /** The body is one small JSON object; anything larger is a mistake. */
    private static final int MAX_BODY_BYTES = 1024;

    private final ReadOnlyMode mode;

    ReadOnlyAdmin(ReadOnlyMode mode) {
        this.mode = mode;
    }

    void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET) {
            reply(request);
        } else if (request.method() == HttpMethod.PUT) {
            request.body().onComplete(body -> update(request, body.length() > MAX_BODY_BYTES ? null : body.toString()),
                    failure -> ErrorResponses.send(request, failure));
        } else {
            ErrorResponses.send(request, new DistributionException(ErrorCode.UNSUPPORTED, 405,
                    request.method() + " is not supported on " + request.path() + ": use GET or PUT", null));
        }
    }

    private void update(HttpServerRequest request, String body) {
        Boolean wanted = parse(body);
        if (wanted == null) {
            ErrorResponses.send(request, new DistributionException(ErrorCode.UNSUPPORTED, 400,
                    "expected a JSON body {\"readOnly\": true} or {\"readOnly\": false}", null));
            return;
        }
        mode.set(wanted);
        LOG.warn("read-only mode {} through the admin API", wanted ? "switched on" : "switched off");
        reply(request);
    }

    private static Boolean parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            Object value = new JsonObject(body).getValue("readOnly");
            return value instanceof Boolean flag ? flag : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private void reply(HttpServerRequest request) {
        JsonReplies.send(request, 200, new JsonObject().put("readOnly", mode.enabled()));
    }
}
