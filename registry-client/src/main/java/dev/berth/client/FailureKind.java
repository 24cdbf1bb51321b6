package dev.berth.client;

import dev.berth.oci.layout.LayoutException;

/** What went wrong, coarsely enough for a script to act on it: each kind is one exit code. */
public enum FailureKind {
    /** Anything not listed below. */
    OTHER(1),
    /** Bad arguments or input (a malformed reference, a layout without the named image). */
    USAGE(2),
    /** The registry refused the credentials, or wants some and there are none. */
    AUTH(3),
    /** The registry has no such repository, manifest, blob or tag. */
    NOT_FOUND(4),
    /** Content did not match its digest or size. */
    VERIFICATION(5),
    /** The registry could not be reached, or kept failing after retries. */
    NETWORK(6),
    /**
     * A local file could not be written (a full disk, no permission): nothing to retry, and the
     * partial file is removed.
     */
    LOCAL(7);

    private final int exitCode;

    FailureKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The kind of a failure to read an OCI layout, which oci-core reports without exit codes. */
    public static FailureKind of(LayoutException failure) {
        return switch (failure.reason()) {
            case NOT_A_LAYOUT, AMBIGUOUS -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_CONTENT -> VERIFICATION;
        };
    }
}
