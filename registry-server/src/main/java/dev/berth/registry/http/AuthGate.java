package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;
import dev.berth.registry.auth.Access;
import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.auth.Caller;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request of the distribution API through only when its caller may do what it asks. The
 * decision is made before storage is touched, so refusals look the same whether a repository
 * exists or not: 401 with a challenge for callers who could still log in, 403 DENIED for users
 * the policy refuses. Paths that name no API endpoint pass: no handler behind serves them.
 */
public final class AuthGate implements Handler<RoutingContext> {
    private static final String CATALOG_SCOPE = "registry:catalog:*";

    private final AuthSetup setup;
    private final Identification identification;
    private final Challenges challenges;

    public AuthGate(Vertx vertx, AuthSetup setup) {
        this.setup = setup;
        this.identification = new Identification(vertx, setup);
        this.challenges = new Challenges(setup);
    }

    /** {@code GET /token}, when the registry issues tokens itself: logs in as this gate does. */
    public Optional<Handler<RoutingContext>> tokenEndpoint() {
        return setup.issuer().map(issuer -> new TokenEndpoint(setup, issuer, identification, challenges)::handle);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<ApiPath> path = ApiPath.of(ctx);
        if (path.isEmpty()) {
            ctx.next();
            return;
        }
        identification
                .access(ctx.request())
                .onSuccess(access -> decide(ctx, path.get(), access))
                .onFailure(failure -> challenges.refuse(ctx, failure, scopesOf(ctx, path.get()), false));
    }

    private void decide(RoutingContext ctx, ApiPath path, Access access) {
        RequestCaller.record(ctx, access.caller());
        switch (path.endpoint()) {
            case BASE -> pass(ctx, access, access.proven(), List.of());
            case CATALOG -> {
                // An external token service's registry:catalog:* grant shows everything, as registry:2 does.
                setup.policy()
                        .ifPresent(policy -> CatalogVisibility.restrict(
                                ctx, repository -> policy.allows(access.caller(), repository, Action.PULL)));
                pass(ctx, access, access.allowsCatalog(), List.of(CATALOG_SCOPE));
            }
            default -> {
                RequiredAccess required = RequiredAccess.of(ctx.request().method(), path);
                boolean allowed = access.allows(required.repository(), required.action());
                if (!allowed && policyRefuses(access.caller(), required)) {
                    challenges.refuse(
                            ctx,
                            new DistributionException(ErrorCode.DENIED, "requested access to the resource is denied"),
                            List.of(),
                            false);
                    return;
                }
                if (path.endpoint() == ApiPath.Endpoint.UPLOADS) {
                    // Without pull on a source its blob is not the caller's to take, but the push may
                    // go on: the spec's answer to a mount that cannot happen is a plain upload session.
                    MountPermission.limit(ctx, repository -> access.allows(repository, Action.PULL));
                }
                pass(ctx, access, allowed, scopesOf(ctx, path));
            }
        }
    }

    /**
     * Whether no token could let the caller through, so that asking for one is pointless (403 rather
     * than 401). Only our own policy can tell; an external token service is asked again.
     */
    private boolean policyRefuses(Caller caller, RequiredAccess required) {
        return !caller.isAnonymous()
                && setup.policy()
                        .filter(policy -> !policy.allows(caller, required.repository(), required.action()))
                        .isPresent();
    }

    private void pass(RoutingContext ctx, Access access, boolean allowed, List<String> scopes) {
        if (allowed) {
            ctx.next();
        } else {
            boolean tokenLacksScope = setup.tokenMode() && access.proven() && !scopes.isEmpty();
            challenges.refuse(ctx, Identification.unauthorized("authentication required"), scopes, tokenLacksScope);
        }
    }

    /** What a token needs for this request; a mount also asks to pull from its source, as registry:2's challenge does. */
    private static List<String> scopesOf(RoutingContext ctx, ApiPath path) {
        return switch (path.endpoint()) {
            case BASE -> List.of();
            case CATALOG -> List.of(CATALOG_SCOPE);
            default -> {
                List<String> scopes = new ArrayList<>();
                scopes.add(RequiredAccess.of(ctx.request().method(), path).scope());
                String mountedFrom = ctx.request().getParam("from");
                // Only a name of the grammar goes into the header: the parameter is the caller's text.
                if (path.endpoint() == ApiPath.Endpoint.UPLOADS
                        && mountedFrom != null
                        && Names.isRepository(mountedFrom)
                        && !mountedFrom.equals(path.name())) {
                    scopes.add(new RequiredAccess(mountedFrom, Action.PULL).scope());
                }
                yield scopes;
            }
        };
    }
}
