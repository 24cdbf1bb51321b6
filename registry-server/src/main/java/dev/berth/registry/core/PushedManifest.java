package dev.berth.registry.core;

import dev.berth.oci.Digest;

/** What a manifest push stored: its digest, and the subject it refers to (null when none). */
public record PushedManifest(String repository, Digest digest, Digest subject) {}
