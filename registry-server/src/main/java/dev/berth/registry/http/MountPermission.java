package dev.berth.registry.http;

import io.vertx.ext.web.RoutingContext;

/** Marks a request whose caller may push but may not pull the blob it asks to mount from another repository. */
final class MountPermission {
    private static final String KEY = MountPermission.class.getName();

    private MountPermission() {}

    static void deny(RoutingContext ctx) {
        ctx.put(KEY, Boolean.TRUE);
    }

    static boolean denied(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(KEY));
    }
}
