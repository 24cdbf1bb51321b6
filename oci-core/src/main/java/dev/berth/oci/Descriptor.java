package dev.berth.oci;

import java.util.List;
import java.util.Map;

/**
 * An image-spec content descriptor: what a manifest says about one piece of content it points at.
 * {@code platform} keeps the descriptor's platform object as parsed JSON (index entries only).
 */
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        String artifactType,
        List<String> urls,
        Map<String, String> annotations,
        Map<String, Object> platform) {

    public Descriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        platform = platform == null ? Map.of() : Map.copyOf(platform);
    }

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null, null);
    }

    /** A layer that lives elsewhere (docker's foreign layers): registries need not hold it. */
    public boolean isForeign() {
        return !urls.isEmpty() || MediaTypes.DOCKER_FOREIGN_LAYER_GZIP.equals(mediaType);
    }
}
