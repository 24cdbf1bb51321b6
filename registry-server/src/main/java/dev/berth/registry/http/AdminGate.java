package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.AuthSetup;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Guards the admin API: only users listed in {@code auth.admins}, with Basic credentials, get
 * through to any path under {@code /_berth/admin}. The gate reads the path the router matches
 * routes on, and takes more than the admin routes (any letter case), so that no spelling reaches
 * an admin route around it.
 */
public final class AdminGate implements Handler<RoutingContext> {
    private static final String PREFIX = "/_berth/admin";

    private final AuthSetup setup;
    private final Identification identification;
    private final Challenges challenges;

    public AdminGate(Vertx vertx, AuthSetup setup) {
        this.setup = setup;
        this.identification = new Identification(vertx, setup);
        this.challenges = new Challenges(setup);
    }

    /** Whether {@code path} lies in the admin API, whatever its letter case. */
    static boolean guards(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals(PREFIX) || lower.startsWith(PREFIX + "/");
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!guards(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        identification
                .login(ctx.request())
                .onSuccess(caller -> {
                    if (setup.admins().contains(caller.name())) {
                        ctx.next();
                    } else {
                        ctx.fail(new DistributionException(ErrorCode.DENIED, caller + " is not an admin"));
                    }
                })
                .onFailure(failure -> challenges.basicOnly(ctx, failure));
    }
}
