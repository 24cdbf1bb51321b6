package dev.berth.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;

/** The exact bytes of a manifest, verified against its digest, with its media type. */
public record FetchedManifest(byte[] bytes, String mediaType, Digest digest) {

    public Manifest parsed() {
        try {
            return ManifestParser.parse(bytes, mediaType);
        } catch (RuntimeException e) {
            throw new ClientException(
                    FailureKind.VERIFICATION, "manifest " + digest + " is invalid: " + e.getMessage(), e);
        }
    }

    public Descriptor descriptor() {
        return Descriptor.of(mediaType, digest, bytes.length);
    }
}
