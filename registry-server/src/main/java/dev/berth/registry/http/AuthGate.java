package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.Access;
import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.auth.Caller;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request of the distribution API through only when its caller may do what it asks. The
 * decision is made before storage is touched, so refusals look the same whether a repository
 * exists or not: 401 with a challenge for callers who could still log in, 403 DENIED for users
 * the policy refuses.
 */
public final class AuthGate {
    private final AuthSetup setup;
    private final Identification identification;
    private final Challenges challenges;

    private AuthGate(Vertx vertx, AuthSetup setup) {
        this.setup = setup;
        this.identification = new Identification(vertx, setup);
        this.challenges = new Challenges(setup);
    }

    /** Puts the gate, and the token endpoint when the registry issues tokens itself, in front of the API routes. */
    public static void install(Vertx vertx, Router router, AuthSetup setup) {
        AuthGate gate = new AuthGate(vertx, setup);
        router.route().order(-1).handler(gate::handle);
        setup.issuer().ifPresent(issuer -> router.get(TokenEndpoint.PATH).order(-2)
                .handler(new TokenEndpoint(setup, issuer, gate.identification, gate.challenges)::handle));
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ApiPath path = ApiPath.parse(request.path());
        if (path == null) {
            ctx.next();
            return;
        }
        request.pause();
        identification.access(request)
                .onSuccess(access -> decide(ctx, path, access))
                .onFailure(failure -> challenges.refuse(request, failure, scopeOf(request, path)));
    }

    private void decide(RoutingContext ctx, ApiPath path, Access access) {
        HttpServerRequest request = ctx.request();
        RequestCaller.record(ctx, access.caller());
        switch (path.endpoint()) {
            case BASE -> pass(ctx, access.proven(), null);
            case CATALOG -> {
                // An external token service's registry:catalog:* grant shows everything, as registry:2 does.
                setup.policy().ifPresent(policy -> CatalogVisibility.restrict(ctx,
                        repository -> policy.allows(access.caller(), repository, Action.PULL)));
                pass(ctx, access.allowsCatalog(), "registry:catalog:*");
            }
            default -> {
                RequiredAccess required = RequiredAccess.of(request.method(), path);
                String mountedFrom = request.getParam("from");
                boolean allowed = access.allows(required.repository(), required.action())
                        && (mountedFrom == null || access.allows(mountedFrom, Action.PULL));
                if (!allowed && policyRefuses(access.caller(), required)) {
                    challenges.refuse(request, new DistributionException(ErrorCode.DENIED,
                            "requested access to the resource is denied"), null);
                    return;
                }
                pass(ctx, allowed, required.scope());
            }
        }
    }

    /**
     * Whether no token could let the caller through, so that asking for one is pointless (403 rather
     * than 401). Only our own policy can tell; an external token service is asked again.
     */
    private boolean policyRefuses(Caller caller, RequiredAccess required) {
        return !caller.isAnonymous() && setup.policy()
                .filter(policy -> !policy.allows(caller, required.repository(), required.action())).isPresent();
    }

    private void pass(RoutingContext ctx, boolean allowed, String scope) {
        if (allowed) {
            ctx.next();
        } else {
            challenges.refuse(ctx.request(), Identification.unauthorized("authentication required"), scope);
        }
    }

    private static String scopeOf(HttpServerRequest request, ApiPath path) {
        return switch (path.endpoint()) {
            case BASE -> null;
            case CATALOG -> "registry:catalog:*";
            default -> RequiredAccess.of(request.method(), path).scope();
        };
    }
}
