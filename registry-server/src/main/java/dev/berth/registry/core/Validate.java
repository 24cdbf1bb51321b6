package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;

/** Checks user input at the core's door, so that nothing unchecked reaches a storage path. */
final class Validate {
    private Validate() {
    }

    static String repository(String name) {
        if (!Names.isRepository(name)) {
            throw new DistributionException(ErrorCode.NAME_INVALID, "invalid repository name: " + name,
                    java.util.Map.of("name", String.valueOf(name)));
        }
        return name;
    }

    static String tag(String tag) {
        if (!Names.isTag(tag)) {
            throw new DistributionException(ErrorCode.MANIFEST_INVALID, "invalid tag: " + tag);
        }
        return tag;
    }

    static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DistributionException(ErrorCode.DIGEST_INVALID, e.getMessage());
        }
    }
}
