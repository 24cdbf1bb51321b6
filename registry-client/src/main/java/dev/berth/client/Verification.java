package dev.berth.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;

/** The digest and size checks every piece of fetched content passes before it is used. */
public final class Verification {
    private Verification() {}

    /** Content that a descriptor promised: its size and its digest must both match. */
    public static void check(Descriptor expected, byte[] content) {
        if (content.length != expected.size()) {
            throw mismatch(expected.digest(), "size " + content.length + " bytes, expected " + expected.size());
        }
        checkDigest(expected.digest(), content);
    }

    public static void checkDigest(Digest expected, byte[] content) {
        Digest actual = Digest.of(expected.algorithm(), content);
        if (!actual.equals(expected)) {
            throw mismatch(expected, "digest " + actual);
        }
    }

    public static ClientException mismatch(Digest expected, String found) {
        return new ClientException(
                FailureKind.VERIFICATION, "verification failed for " + expected + ": the content has " + found);
    }
}
