package dev.berth.conformance.oci;

import java.util.Map;

/**
 * An OCI content descriptor: what a manifest or index says about one piece of content.
 *
 * @param artifactType null when absent
 * @param platform     null when absent (only index entries carry one)
 * @param annotations  empty when absent
 */
public record Descriptor(
        String mediaType,
        String digest,
        long size,
        String artifactType,
        Platform platform,
        Map<String, String> annotations) {

    public Descriptor {
        annotations = Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, String digest, long size) {
        this(mediaType, digest, size, null, null, Map.of());
    }

    public static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Sha256.of(content), content.length);
    }

    public Descriptor withPlatform(Platform value) {
        return new Descriptor(mediaType, digest, size, artifactType, value, annotations);
    }

    public Descriptor withArtifactType(String value) {
        return new Descriptor(mediaType, digest, size, value, platform, annotations);
    }

    public Descriptor withAnnotations(Map<String, String> value) {
        return new Descriptor(mediaType, digest, size, artifactType, platform, value);
    }

    /** The platform field of an index entry. */
    public record Platform(String os, String architecture) {}
}
