package dev.berth.oci.layout;

/**
 * A layout that cannot be read as asked; the message names the layout and says why, for the
 * user. The reason lets a command line turn it into its own exit codes.
 */
public final class LayoutException extends RuntimeException {
    /** Why the layout could not be read. */
    public enum Reason {
        /** The directory is no OCI image layout, or its oci-layout or index.json is invalid. */
        NOT_A_LAYOUT,
        /** No entry has the ref name asked for, or a blob is missing. */
        NOT_FOUND,
        /** No ref name was given and the layout holds several images. */
        AMBIGUOUS,
        /** A blob is not what its descriptor says: another size or digest, or no valid manifest. */
        INVALID_CONTENT
    }

    private final Reason reason;

    LayoutException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    LayoutException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
