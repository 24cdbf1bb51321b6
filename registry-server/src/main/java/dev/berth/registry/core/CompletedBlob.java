package dev.berth.registry.core;

import dev.berth.oci.Digest;

/** A blob that an upload or a mount made visible in a repository. */
public record CompletedBlob(String repository, Digest digest) {}
