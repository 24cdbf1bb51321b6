package dev.berth.registry.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;

/** Which repositories the catalog may show to the caller of a request, when auth restricts it. */
final class CatalogVisibility {
    private static final String KEY = CatalogVisibility.class.getName();

    private CatalogVisibility() {}

    static void restrict(RoutingContext ctx, Predicate<String> visible) {
        ctx.put(KEY, visible);
    }

    /** Empty when every repository may be shown. */
    static Optional<Predicate<String>> of(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }
}
