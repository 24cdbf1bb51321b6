package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.AuthSetup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Refuses a request; a 401 carries the WWW-Authenticate challenge that tells the client how to log in. */
final class Challenges {
    private final AuthSetup setup;

    Challenges(AuthSetup setup) {
        this.setup = setup;
    }

    /**
     * Refuses with {@code failure}; {@code scopes} are what a token would need (none for the base
     * endpoint). {@code insufficientScope}: the caller's token lacks them, as RFC 6750 says.
     */
    void refuse(RoutingContext ctx, Throwable failure, List<String> scopes, boolean insufficientScope) {
        ctx.response().putHeader(Headers.API_VERSION, "registry/2.0");
        if (failure instanceof DistributionException error && error.code() == ErrorCode.UNAUTHORIZED) {
            ctx.response().putHeader("WWW-Authenticate", challenge(ctx.request(), scopes, insufficientScope));
        }
        ctx.fail(failure);
    }

    void basicOnly(RoutingContext ctx, Throwable failure) {
        if (failure instanceof DistributionException error && error.code() == ErrorCode.UNAUTHORIZED) {
            ctx.response().putHeader("WWW-Authenticate", basic());
        }
        ctx.fail(failure);
    }

    private String challenge(HttpServerRequest request, List<String> scopes, boolean insufficientScope) {
        if (!setup.tokenMode()) {
            return basic();
        }
        String realm = setup.realm()
                .orElseGet(() -> request.scheme() + "://" + request.getHeader(HttpHeaders.HOST) + TokenEndpoint.PATH);
        StringBuilder challenge = new StringBuilder("Bearer realm=\"")
                .append(realm)
                .append("\",service=\"")
                .append(setup.service())
                .append('"');
        if (!scopes.isEmpty()) {
            // Several scopes go into one parameter, space-separated, as registry:2 writes them for a mount.
            challenge.append(",scope=\"").append(String.join(" ", scopes)).append('"');
        }
        if (insufficientScope) {
            challenge.append(",error=\"insufficient_scope\"");
        }
        return challenge.toString();
    }

    private String basic() {
        return "Basic realm=\"" + setup.service() + "\"";
    }
}
