package dev.berth.registry.ui;

import dev.berth.registry.auth.Access;
import dev.berth.registry.auth.AccessPolicy;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.http.AuthGate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Finds the {@link Viewer} of a UI API request from its Authorization header, as the API's gate
 * does: a token of the registry's own token service (or Basic credentials in Basic mode) names a
 * user, whom the access rules then judge per repository, so that the one token the UI gets at
 * login shows everything that user may pull. With an external token service there are no rules
 * here: the token's own grants decide, as on the API.
 */
final class Viewers {
    private final Optional<AuthGate> gate;
    private final Optional<AccessPolicy> policy;

    Viewers(Vertx vertx, Optional<AuthSetup> auth) {
        this.gate = auth.map(setup -> new AuthGate(vertx, setup));
        this.policy = auth.flatMap(AuthSetup::policy);
    }

    /** Fails with UNAUTHORIZED for credentials or tokens that do not check out (an expired session). */
    Future<Viewer> of(HttpServerRequest request) {
        if (gate.isEmpty()) {
            return Future.succeededFuture(Viewer.ofOpenRegistry());
        }
        return gate.get().identify(request).map(this::judge);
    }

    private Viewer judge(Access access) {
        if (policy.isPresent()) {
            AccessPolicy rules = policy.get();
            return new Viewer(
                    access.caller(),
                    access.proven(),
                    (repository, action) -> rules.allows(access.caller(), repository, action));
        }
        return new Viewer(access.caller(), access.proven(), access::allows);
    }
}
