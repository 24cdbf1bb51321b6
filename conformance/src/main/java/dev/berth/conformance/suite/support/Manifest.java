package dev.berth.conformance.suite.support;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.ManifestJson;
import dev.berth.conformance.oci.Sha256;

/** A manifest (or index) as the suite pushes it: exact bytes and the Content-Type to send them with. */
public record Manifest(String mediaType, byte[] bytes) {

    public static Manifest of(ManifestJson json) {
        return new Manifest(json.mediaType(), json.toBytes());
    }

    public String digest() {
        return Sha256.of(bytes);
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest(), bytes.length);
    }
}
