package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.channels.ClosedChannelException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns any failure into the spec's JSON error body with its status. */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void send(HttpServerRequest request, Throwable failure) {
        HttpServerResponse response = request.response();
        if (response.closed() || failure instanceof ClosedChannelException || failure instanceof HttpClosedException) {
            // The client went away (a cancelled pull, a load generator stopping): nothing to answer, nothing wrong here.
            LOG.debug("{} {} ended by the client closing the connection: {}", request.method(), request.path(), failure.toString());
            return;
        }
        if (response.headWritten()) {
            // The body had begun: all that is left is to cut the connection so the client sees a short read.
            LOG.warn("{} {} failed after the response began: {}", request.method(), request.path(), failure.toString());
            request.connection().close();
            return;
        }
        DistributionException error = asDistributionError(request, failure);
        JsonObject entry = new JsonObject().put("code", error.code().name()).put("message", error.getMessage());
        if (error.detail() != null) {
            entry.put("detail", error.detail() instanceof Map<?, ?> map ? new JsonObject(stringKeys(map)) : error.detail().toString());
        }
        String body = new JsonObject().put("errors", new JsonArray().add(entry)).encode();
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        if (!request.isEnded() && hasBody(request)) {
            // The client is still sending a body we will not read: close rather than parse it as a request.
            response.putHeader("Connection", "close");
        }
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(body.length())).end();
        } else {
            response.end(body);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
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
        LOG.error("{} {} failed", request.method(), request.path(), failure);
        return new DistributionException(ErrorCode.UNKNOWN, "internal error: " + failure.getClass().getSimpleName());
    }
}
