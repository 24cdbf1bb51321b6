package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * One path per request for every stage. The router matches routes on the normalised path
 * ({@code //x}, {@code /./x}, {@code /y/../x} and {@code /%78} all become {@code /x}); a gate
 * that read the path as sent would judge another request than the handler it guards. No client of
 * the distribution API writes such paths (names, tags and digests need no escaping), so they are
 * refused rather than rewritten, and every stage reads the path as sent, which is then the
 * normalised one.
 */
public final class CanonicalPath {
    private CanonicalPath() {}

    /** Names the API endpoint of a plainly written path once, for the stages behind (metrics, auth, API). */
    public static void nameEndpoint(RoutingContext ctx) {
        if (isPlain(ctx)) {
            ApiPath.record(ctx, ApiPath.parse(ctx.request().path()));
        }
        ctx.next();
    }

    /**
     * Refuses a path that is not written in its one plain form. Below /v2/ the odd part is the
     * repository name as far as a client can tell (the rest is fixed words, a tag or a digest).
     */
    public static void refuseOthers(RoutingContext ctx) {
        if (isPlain(ctx)) {
            ctx.next();
            return;
        }
        ErrorCode code = ctx.request().path().startsWith("/v2/") ? ErrorCode.NAME_INVALID : ErrorCode.UNSUPPORTED;
        ctx.fail(new DistributionException(
                code,
                400,
                "the request path must be written plainly, without empty,"
                        + " '.' or '..' segments or escaped letters and digits",
                null));
    }

    private static boolean isPlain(RoutingContext ctx) {
        try {
            return ctx.request().path().equals(ctx.normalizedPath());
        } catch (IllegalArgumentException undecodable) {
            // A '%' not followed by two hex digits: no path at all, let alone a plain one.
            return false;
        }
    }
}
