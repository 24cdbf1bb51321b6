package dev.berth.registry.gc;

/**
 * A collection that failed partway, with what it had deleted by then: the deletes that succeeded
 * stay done, and an operator reading only "failed" would not know that space was freed.
 */
public final class GcFailedException extends RuntimeException {
    private final transient GcReport done;

    GcFailedException(GcReport done, Throwable cause) {
        super(
                "garbage collection failed after it deleted " + done.blobsDeleted() + " blobs (" + done.bytesFreed()
                        + " bytes), " + done.manifestsDeleted() + " untagged manifests and " + done.uploadsPurged()
                        + " stale uploads: " + cause.getMessage(),
                cause);
        this.done = done;
    }

    /** What the collection deleted before it failed. */
    public GcReport done() {
        return done;
    }
}
