package dev.berth.registry.http;

import dev.berth.registry.auth.Caller;

/** Hears, after the response is sent, of each manifest pushed, pulled (GET, not HEAD) or deleted through the API. */
@FunctionalInterface
public interface ManifestActivity {
    ManifestActivity IGNORED = (caller, action, repository, reference, digest, mediaType, size) -> {};

    /**
     * @param caller    who made the request, as the auth gate found out; anonymous when auth is off
     * @param action    "push", "pull" or "delete"
     * @param reference the tag or digest the request named
     * @param mediaType null, and size -1, for a delete, which does not read the manifest
     */
    void happened(
            Caller caller,
            String action,
            String repository,
            String reference,
            String digest,
            String mediaType,
            long size);
}
