package dev.berth.registry;

import dev.berth.registry.auth.AccessPolicy;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.auth.HtpasswdUsers;
import dev.berth.registry.auth.LoginThrottle;
import dev.berth.registry.auth.SigningKey;
import dev.berth.registry.auth.TokenIssuer;
import dev.berth.registry.auth.TokenVerifier;
import dev.berth.registry.auth.TrustedKeys;
import dev.berth.registry.config.AuthConfig;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.StorageConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the configured authentication for the pipeline's gates, or warns that there is none. */
final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    private static final int MAX_FAILED_LOGINS = 10;
    private static final Duration FAILED_LOGIN_WINDOW = Duration.ofMinutes(1);

    private Authentication() {}

    /** What auth is in force, if any. */
    static Optional<AuthSetup> setUp(Vertx vertx, AuthConfig config, StorageConfig storage) throws LaunchException {
        if (!config.enabled()) {
            LOG.warn("NO AUTHENTICATION: anyone who can reach this registry can pull, push and delete anything."
                    + " Configure an 'auth' section (see docs/auth.md) unless that is what you want.");
            return Optional.empty();
        }
        try {
            AuthSetup setup = setup(vertx, config, storage);
            LOG.info(
                    "auth: {} mode, {} access rules, {}",
                    setup.tokenMode() ? "token" : "basic",
                    config.access().size(),
                    config.token().external()
                            ? "tokens from " + config.token().realm().orElseThrow()
                            : "users from " + config.htpasswd().orElseThrow());
            return Optional.of(setup);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new LaunchException("cannot set up auth: " + e.getMessage(), e);
        }
    }

    private static AuthSetup setup(Vertx vertx, AuthConfig config, StorageConfig storage)
            throws IOException, LaunchException {
        AccessPolicy policy = new AccessPolicy(config.access());
        AuthConfig.TokenConfig token = config.token();
        Optional<HtpasswdUsers> users = config.htpasswd().map(HtpasswdUsers::load);
        if (users.isEmpty() && !token.external()) {
            throw new LaunchException("auth needs users: set auth.htpasswd to a file written by 'htpasswd -B'", null);
        }
        LoginThrottle throttle = new LoginThrottle(MAX_FAILED_LOGINS, FAILED_LOGIN_WINDOW, Clock.systemUTC());
        if (config.mode() == AuthConfig.AuthMode.BASIC) {
            if (token.external()) {
                throw new LaunchException(
                        "auth.token.trust takes tokens from an external service, which Basic mode"
                                + " (auth.mode: basic) never asks for: set auth.mode to token, or remove auth.token.trust",
                        null);
            }
            return new AuthSetup(
                    users,
                    Optional.of(policy),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    token.service(),
                    config.admins(),
                    throttle);
        }
        Optional<String> realm = token.realm().map(Object::toString);
        if (token.external()) {
            if (realm.isEmpty()) {
                throw new LaunchException(
                        "auth.token.trust names an external token service: set auth.token.realm to its URL", null);
            }
            if (!config.access().isEmpty()) {
                throw new LaunchException(
                        "auth.access has no say over tokens from the external token service"
                                + " (auth.token.trust): their access claims alone decide; grant access there and remove auth.access",
                        null);
            }
            TokenVerifier verifier =
                    new TokenVerifier(vertx, TrustedKeys.read(token.trust().get()), token.issuer(), token.service());
            return new AuthSetup(
                    users,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(verifier),
                    realm,
                    token.service(),
                    config.admins(),
                    throttle);
        }
        SigningKey key = SigningKey.loadOrCreate(keyFile(token, storage));
        TokenIssuer issuer =
                new TokenIssuer(vertx, key, policy, token.issuer(), token.service(), token.ttl(), Clock.systemUTC());
        TokenVerifier verifier = new TokenVerifier(vertx, TrustedKeys.of(key), token.issuer(), token.service());
        return new AuthSetup(
                users,
                Optional.of(policy),
                Optional.of(issuer),
                Optional.of(verifier),
                realm,
                token.service(),
                config.admins(),
                throttle);
    }

    /** The configured key, or one kept beside the registry's data, outside the layout registry:2 knows. */
    private static Path keyFile(AuthConfig.TokenConfig token, StorageConfig storage) throws LaunchException {
        if (token.key().isPresent()) {
            return token.key().get();
        }
        if (storage instanceof FilesystemStorageConfig fs) {
            return fs.rootDirectory().resolve("_berth/auth/token-key.pem");
        }
        throw new LaunchException(
                "with S3 storage the token signing key needs a place on disk: set auth.token.key", null);
    }
}
