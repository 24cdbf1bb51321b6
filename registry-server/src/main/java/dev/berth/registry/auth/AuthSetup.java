package dev.berth.registry.auth;

import java.util.Optional;
import java.util.Set;

/**
 * The pieces authentication runs on, as the configuration assembles them. Without a verifier the
 * registry runs in plain Basic mode; with a verifier but no issuer it trusts an external token
 * service at {@code realm}. That service alone decides what its tokens grant, as with registry:2,
 * so there is no {@code policy} then.
 */
public record AuthSetup(
        Optional<HtpasswdUsers> users,
        Optional<AccessPolicy> policy,
        Optional<TokenIssuer> issuer,
        Optional<TokenVerifier> verifier,
        Optional<String> realm,
        String service,
        Set<String> admins,
        LoginThrottle throttle) {

    public AuthSetup {
        admins = Set.copyOf(admins);
    }

    public boolean tokenMode() {
        return verifier.isPresent();
    }
}
