package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
        @JsonProperty(defaultValue = "token") AuthMode mode,
        TokenConfig token,
        @JsonDeserialize(using = AccessRules.class) List<AccessRule> access,
        Set<String> admins)
        implements ConfigSection {

    public AuthConfig {
        access = List.copyOf(access);
        admins = Set.copyOf(admins);
    }

    public boolean enabled() {
        return htpasswd.isPresent() || token.trust().isPresent() || !access.isEmpty();
    }

    /** How clients prove who they are: bearer tokens (docker's token protocol) or plain Basic on every request. */
    public enum AuthMode {
        TOKEN,
        BASIC
    }

    /**
     * The token side: what tokens say and how long they last; where the signing key lives; or,
     * with {@code trust} set, the external token service whose tokens the registry accepts.
     */
    public record TokenConfig(
            @JsonProperty(defaultValue = "berth") @JsonDeserialize(using = ConfigValues.NonBlank.class)
            String issuer,

            @JsonProperty(defaultValue = "berth-registry") @JsonDeserialize(using = ConfigValues.NonBlank.class)
            String service,

            @JsonProperty(defaultValue = "5m") @JsonDeserialize(using = ConfigValues.PositiveDuration.class)
            Duration ttl,

            Optional<Path> key,
            Optional<URI> realm,
            Optional<Path> trust)
            implements ConfigSection {
        public boolean external() {
            return trust.isPresent();
        }
    }
}
