package dev.berth.bench;

import java.util.List;

/**
 * One image the soak pushed: a manifest under a tag, or an index under a tag with its platform
 * manifests pushed by digest. {@code manifests} starts with the tagged one; {@code blobs} are every
 * config and layer they name.
 */
record SoakImage(String repository, String tag, List<Pushed> manifests, List<Blob> blobs) {

    /** A manifest as it was sent: the registry must give back these bytes under this digest. */
    record Pushed(String digest, String mediaType, byte[] content) {}

    record Blob(String digest, long size) {}

    Pushed top() {
        return manifests.get(0);
    }
}
