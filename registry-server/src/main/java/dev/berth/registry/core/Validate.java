package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;
import java.util.Map;

/** Checks user input at the core's door, so that nothing unchecked reaches a storage path. */
final class Validate {
    private Validate() {}

    static String repository(String name) {
        if (!Names.isRepository(name)) {
            throw new DistributionException(
                    ErrorCode.NAME_INVALID, "invalid repository name: " + name, Map.of("name", String.valueOf(name)));
        }
        return name;
    }

    static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DistributionException(ErrorCode.DIGEST_INVALID, e.getMessage());
        }
    }
}
