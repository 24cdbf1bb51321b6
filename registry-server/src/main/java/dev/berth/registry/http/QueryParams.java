package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.http.HttpServerRequest;

/** Reads the query parameters the API defines. */
public final class QueryParams {
    private QueryParams() {}

    /** The page size {@code n}, or null when absent. */
    public static Integer pageSize(HttpServerRequest request) {
        String n = request.getParam("n");
        if (n == null || n.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(n);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DistributionException(
                    ErrorCode.PAGINATION_NUMBER_INVALID, "n must be a non-negative integer: " + n);
        }
    }
}
