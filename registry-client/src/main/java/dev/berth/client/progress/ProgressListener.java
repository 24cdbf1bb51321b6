package dev.berth.client.progress;

import dev.berth.oci.Descriptor;

/** Hears how the blobs of a copy move. Called from several threads at once. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A blob starts to move; {@code alreadyDone} bytes of it are there from an earlier attempt. */
    default void started(Descriptor blob, long alreadyDone) {}

    default void advanced(Descriptor blob, long bytes) {}

    /** @param skipped true when the target had the blob already */
    default void finished(Descriptor blob, boolean skipped) {}
}
