package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;

/** The {@code <reference>} of a manifest URL: a tag or a digest. */
record ManifestReference(String tag, Digest digest) {

    static ManifestReference parse(String reference, ErrorCode whenInvalid) {
        if (reference != null && reference.indexOf(':') > 0) {
            return new ManifestReference(null, Validate.digest(reference));
        }
        if (!Names.isTag(reference)) {
            throw new DistributionException(whenInvalid, "invalid tag: " + reference);
        }
        return new ManifestReference(reference, null);
    }

    boolean isTag() {
        return tag != null;
    }
}
