package dev.berth.client.auth;

import java.util.Optional;

/** Where the client finds the credentials for a registry host. */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = registry -> Optional.empty();

    Optional<Credentials> lookup(String registry);
}
