package dev.berth.registry.http;

import dev.berth.registry.auth.Caller;
import io.vertx.ext.web.RoutingContext;

/** Who the auth gate found a request to come from, for the handlers behind it (webhook events name them). */
final class RequestCaller {
    private static final String KEY = RequestCaller.class.getName();

    private RequestCaller() {}

    static void record(RoutingContext ctx, Caller caller) {
        ctx.put(KEY, caller);
    }

    /** Anonymous when no gate recorded anyone, as when auth is off. */
    static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(KEY);
        return caller == null ? Caller.anonymous() : caller;
    }
}
