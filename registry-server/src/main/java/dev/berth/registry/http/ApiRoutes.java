package dev.berth.registry.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Names the API endpoint a request addresses, for labels that must not grow with the number of repositories. */
public final class ApiRoutes {
    private ApiRoutes() {}

    /** "manifest", "blob", "upload" and so on; "unknown" for a path that is no endpoint. */
    public static String nameOf(RoutingContext ctx) {
        return ApiPath.of(ctx)
                .map(path -> path.endpoint().name().toLowerCase(Locale.ROOT))
                .orElse("unknown");
    }

    /** Whether the request addresses an upload session, new or under way. */
    public static boolean isUpload(RoutingContext ctx) {
        return ApiPath.of(ctx)
                .filter(path ->
                        path.endpoint() == ApiPath.Endpoint.UPLOADS || path.endpoint() == ApiPath.Endpoint.UPLOAD)
                .isPresent();
    }
}
