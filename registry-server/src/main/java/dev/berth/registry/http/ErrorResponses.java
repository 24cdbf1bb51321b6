package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.nio.channels.ClosedChannelException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into the spec's JSON error body with its status. */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** The request pipeline's one failure handler: every refusal and failure of a stage ends here. */
    public static void fail(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null || (!(failure instanceof DistributionException) && ctx.statusCode() / 100 == 4)) {
            // Refusals of the router itself: no Host header, an undecodable query.
            String message = failure == null ? "the request was refused" : failure.getMessage();
            failure = new DistributionException(ErrorCode.UNSUPPORTED, ctx.statusCode(), message, null);
        } else if (failure instanceof HttpException http && http.getStatusCode() / 100 == 4) {
            failure = new DistributionException(ErrorCode.UNSUPPORTED, http.getStatusCode(), http.getPayload(), null);
        }
        send(ctx.request(), failure);
    }

    public static void send(HttpServerRequest request, Throwable failure) {
        HttpServerResponse response = request.response();
        if (response.closed() || failure instanceof ClosedChannelException || failure instanceof HttpClosedException) {
            // The client went away (a cancelled pull, a load generator stopping): nothing to answer, nothing wrong
            // here.
            LOG.debug(
                    "{} {} ended by the client closing the connection: {}",
                    request.method(),
                    request.path(),
                    failure.toString());
            return;
        }
        if (response.headWritten()) {
            // The body had begun: all that is left is to cut the connection so the client sees a short read.
            LOG.warn("{} {} failed after the response began: {}", request.method(), request.path(), failure.toString());
            request.connection().close();
            return;
        }
        DistributionException error = asDistributionError(request, failure);
        String body = body(error);
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        boolean unreadBody = !request.isEnded() && UnreadBody.expected(request);
        if (unreadBody) {
            response.putHeader("Connection", "close");
        }
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(body.length())).end();
        } else {
            response.end(body);
        }
        if (unreadBody) {
            UnreadBody.drainThenClose(request);
        }
    }

    /** The spec's error body for {@code error}. */
    static String body(DistributionException error) {
        JsonObject entry = new JsonObject().put("code", error.code().name()).put("message", error.getMessage());
        if (error.detail() != null) {
            entry.put(
                    "detail",
                    error.detail() instanceof Map<?, ?> map
                            ? new JsonObject(stringKeys(map))
                            : error.detail().toString());
        }
        return new JsonObject().put("errors", new JsonArray().add(entry)).encode();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    private static DistributionException asDistributionError(HttpServerRequest request, Throwable failure) {
        if (failure instanceof DistributionException known) {
            return known;
        }
        Optional<DistributionException> storage = StorageRefusals.answer(failure);
        if (storage.isPresent()) {
            // The operator's problem, not a bug: one line per request, no stack trace.
            LOG.warn("{} {} failed: {}", request.method(), request.path(), failure.getMessage());
            return storage.get();
        }
        LOG.error("{} {} failed", request.method(), request.path(), failure);
        return new DistributionException(
                ErrorCode.UNKNOWN, "internal error: " + failure.getClass().getSimpleName());
    }
}
