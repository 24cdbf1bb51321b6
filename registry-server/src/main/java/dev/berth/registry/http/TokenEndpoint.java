package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.auth.Caller;
import dev.berth.registry.auth.TokenIssuer;
import dev.berth.registry.auth.TokenScope;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /token}: the docker token protocol's endpoint. Basic credentials log a user in, no
 * credentials ask for an anonymous token; either way the token holds only what the policy grants.
 */
public final class TokenEndpoint {
    public static final String PATH = "/token";

    private final AuthSetup setup;
    private final TokenIssuer issuer;
    private final Identification identification;
    private final Challenges challenges;

    TokenEndpoint(AuthSetup setup, TokenIssuer issuer, Identification identification, Challenges challenges) {
        this.setup = setup;
        this.issuer = issuer;
        this.identification = identification;
        this.challenges = challenges;
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String service = request.getParam("service");
        if (service != null && !service.equals(setup.service())) {
            ctx.fail(new DistributionException(
                    ErrorCode.DENIED,
                    400,
                    "this token service issues tokens for '" + setup.service() + "', not '" + service + "'",
                    null));
            return;
        }
        Future<Caller> caller = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? Future.succeededFuture(Caller.anonymous())
                : identification.login(request);
        caller.onSuccess(who -> send(request, issuer.issue(who, requestedScopes(request))))
                .onFailure(failure -> challenges.basicOnly(ctx, failure));
    }

    /** Docker repeats the scope parameter; some clients put several scopes in one, space-separated. */
    private static List<TokenScope> requestedScopes(HttpServerRequest request) {
        List<TokenScope> scopes = new ArrayList<>();
        for (String parameter : request.params().getAll("scope")) {
            for (String text : parameter.trim().split(" +")) {
                TokenScope.parse(text).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    private static void send(HttpServerRequest request, TokenIssuer.IssuedToken issued) {
        JsonObject body = new JsonObject()
                .put("token", issued.token())
                .put("access_token", issued.token())
                .put("expires_in", issued.expiresIn().toSeconds())
                .put("issued_at", issued.issuedAt().toString());
        request.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
