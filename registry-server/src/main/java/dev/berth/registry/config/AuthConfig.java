package dev.berth.registry.config;

import dev.berth.registry.auth.AccessRule;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication and access control. Auth is on as soon as there are users, a trusted external
 * token service or access rules; otherwise the registry is open to everyone.
 */
public record AuthConfig(
        Optional<Path> htpasswd,
        AuthMode mode,
        TokenConfig token,
        List<AccessRule> access,
        Set<String> admins) {

    public boolean enabled() {
        return htpasswd.isPresent() || token.trust().isPresent() || !access.isEmpty();
    }

    /** How clients prove who they are: bearer tokens (docker's token protocol) or plain Basic on every request. */
    public enum AuthMode { TOKEN, BASIC }

    /**
     * The token side: what tokens say and how long they last; where the signing key lives; or,
     * with {@code trust} set, the external token service whose tokens the registry accepts.
     */
    public record TokenConfig(String issuer, String service, Duration ttl, Optional<Path> key,
                              Optional<URI> realm, Optional<Path> trust) {
        public boolean external() {
            return trust.isPresent();
        }
    }
}
