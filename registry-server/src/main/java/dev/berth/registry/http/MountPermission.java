package dev.berth.registry.http;

import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/**
 * Which repositories the caller of an upload POST may take a mounted blob from: those they may
 * pull. Without auth every repository; the auth gate narrows it to what the caller's credentials
 * or token allow, so that a mount never hands over a blob its caller could not pull.
 */
final class MountPermission {
    private static final String KEY = MountPermission.class.getName();

    private MountPermission() {}

    static void limit(RoutingContext ctx, Predicate<String> mayPull) {
        ctx.put(KEY, mayPull);
    }

    static Predicate<String> sources(RoutingContext ctx) {
        Predicate<String> mayPull = ctx.get(KEY);
        return mayPull == null ? repository -> true : mayPull;
    }
}
