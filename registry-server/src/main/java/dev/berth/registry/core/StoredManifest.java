package dev.berth.registry.core;

import dev.berth.oci.Digest;
import io.vertx.core.buffer.Buffer;

/** A manifest exactly as it was pushed, with its digest and media type. */
public record StoredManifest(Digest digest, String mediaType, Buffer content) {}
