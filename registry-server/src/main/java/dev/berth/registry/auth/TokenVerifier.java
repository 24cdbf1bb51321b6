package dev.berth.registry.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks bearer tokens: the signature against the trusted keys (the algorithm each key is
 * configured with, never the one a token names), the issuer, the audience (our service name),
 * and the validity window. What a valid token grants is its {@code access} claim, nothing else.
 * A token's {@code kid} and {@code x5c} headers do not pick the key: the trusted keys carry no ids,
 * so each one of the token's algorithm is tried, and a certificate a token brings is never trusted
 * (embedded keys stay off), so the trust bundle must hold the signing key's own certificate or key.
 */
public final class TokenVerifier {
    /** Clocks of the token service and the registry may differ a little. */
    private static final int LEEWAY_SECONDS = 30;

    private final JWTAuth verifier;

    public TokenVerifier(Vertx vertx, List<PubSecKeyOptions> trustedKeys, String issuer, String service) {
        JWTAuthOptions options = new JWTAuthOptions()
                .setJWTOptions(
                        new JWTOptions().setIssuer(issuer).addAudience(service).setLeeway(LEEWAY_SECONDS));
        trustedKeys.forEach(options::addPubSecKey);
        this.verifier = JWTAuth.create(vertx, options);
    }

    /** The grant a token proves; fails when the token is not one to trust. */
    public Future<Grant> verify(String token) {
        return verifier.authenticate(new TokenCredentials(token)).map(user -> {
            var claims = user.principal();
            Set<TokenScope> scopes = new HashSet<>();
            if (claims.getValue("access") instanceof JsonArray access) {
                access.forEach(entry -> TokenScope.fromClaim(entry).ifPresent(scopes::add));
            }
            String subject = claims.getValue("sub") instanceof String sub && !sub.isEmpty() ? sub : null;
            return new Grant(subject == null ? Caller.anonymous() : Caller.user(subject), scopes);
        });
    }

    /**
     * What a verified token lets its bearer do. The action {@code *} stands for every action, as
     * registry:2 reads it: token services such as Harbor's grant it. Our own issuer never does.
     */
    public record Grant(Caller caller, Set<TokenScope> scopes) implements Access {
        private static final String EVERY_ACTION = "*";

        @Override
        public boolean proven() {
            return true;
        }

        @Override
        public boolean allows(String repository, Action action) {
            return scopes.stream()
                    .anyMatch(scope -> scope.type().equals(TokenScope.REPOSITORY)
                            && scope.name().equals(repository)
                            && (scope.actions().contains(action.scopeName())
                                    || scope.actions().contains(EVERY_ACTION)));
        }

        @Override
        public boolean allowsCatalog() {
            return scopes.stream()
                    .anyMatch(scope -> scope.type().equals(TokenScope.REGISTRY)
                            && scope.name().equals(TokenScope.CATALOG));
        }
    }
}
