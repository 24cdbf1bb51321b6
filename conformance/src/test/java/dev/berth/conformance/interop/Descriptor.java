package dev.berth.conformance.interop;

/** An OCI content descriptor: what a manifest says about one blob. */
record Descriptor(String mediaType, String digest, long size) {

    static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Sha256.of(content), content.length);
    }
}
