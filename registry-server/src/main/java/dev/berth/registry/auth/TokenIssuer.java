package dev.berth.registry.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in token service: turns the scopes a caller asks for into a signed token that holds
 * only what the policy grants them. Asking for more never fails; the token just holds less.
 */
public final class TokenIssuer {
    private final JWTAuth signer;
    private final AccessPolicy policy;
    private final String issuer;
    private final String service;
    private final Duration ttl;
    private final Clock clock;
    private final String algorithm;

    public TokenIssuer(
            Vertx vertx,
            SigningKey key,
            AccessPolicy policy,
            String issuer,
            String service,
            Duration ttl,
            Clock clock) {
        this.signer = JWTAuth.create(
                vertx,
                new JWTAuthOptions()
                        .addPubSecKey(new PubSecKeyOptions()
                                .setAlgorithm(key.algorithm())
                                .setBuffer(key.privatePem())));
        this.policy = policy;
        this.issuer = issuer;
        this.service = service;
        this.ttl = ttl;
        this.clock = clock;
        this.algorithm = key.algorithm();
    }

    public IssuedToken issue(Caller caller, List<TokenScope> requested) {
        JsonArray access = new JsonArray();
        grantedScopes(caller, requested).forEach(scope -> access.add(scope.toClaim()));
        Instant now = clock.instant();
        JsonObject claims = new JsonObject()
                .put("access", access)
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond());
        JWTOptions options = new JWTOptions()
                .setAlgorithm(algorithm)
                .setIssuer(issuer)
                .addAudience(service)
                // The times are set above from the injected clock, so that tests can move it.
                .setNoTimestamp(true);
        if (!caller.isAnonymous()) {
            options.setSubject(caller.name());
        }
        return new IssuedToken(signer.generateToken(claims, options), ttl, now);
    }

    private Set<TokenScope> grantedScopes(Caller caller, List<TokenScope> requested) {
        Set<TokenScope> granted = new LinkedHashSet<>();
        for (TokenScope scope : requested) {
            if (scope.type().equals(TokenScope.REPOSITORY)) {
                Set<Action> allowed = EnumSet.noneOf(Action.class);
                for (String name : scope.actions()) {
                    Action action = Action.fromScopeName(name);
                    if (action != null && policy.allows(caller, scope.name(), action)) {
                        allowed.add(action);
                    }
                }
                if (!allowed.isEmpty()) {
                    granted.add(TokenScope.repository(scope.name(), allowed));
                }
            } else if (scope.type().equals(TokenScope.REGISTRY) && scope.name().equals(TokenScope.CATALOG)) {
                // Everyone may list the catalog: the listing holds only what the caller may pull.
                granted.add(new TokenScope(TokenScope.REGISTRY, TokenScope.CATALOG, Set.of("*")));
            }
        }
        return granted;
    }

    /** A token and its lifetime, as the token endpoint answers them. */
    public record IssuedToken(String token, Duration expiresIn, Instant issuedAt) {}
}
