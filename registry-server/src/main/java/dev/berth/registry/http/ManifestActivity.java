package dev.berth.registry.http;

import io.vertx.core.http.HttpServerRequest;

/** Hears, after the response is sent, of each manifest pushed, pulled (GET, not HEAD) or deleted through the API. */
@FunctionalInterface
public interface ManifestActivity {
    ManifestActivity IGNORED = (request, action, repository, reference, digest, mediaType, size) -> { };

    /**
     * @param action    "push", "pull" or "delete"
     * @param reference the tag or digest the request named
     * @param mediaType null, and size -1, for a delete, which does not read the manifest
     */
    void happened(HttpServerRequest request, String action, String repository, String reference, String digest,
                  String mediaType, long size);
}
