package dev.berth.conformance.suite.support;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.Sha256;

/** Content the suite pushes as a blob: a layer, a config. */
public record Blob(String mediaType, byte[] bytes) {

    public String digest() {
        return Sha256.of(bytes);
    }

    public long size() {
        return bytes.length;
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest(), bytes.length);
    }
}
