package dev.berth.client.copy;

import dev.berth.client.FetchedManifest;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;

/** Where an image goes: a registry or an OCI layout. */
public interface ContentTarget {

    /** Moves one blob from {@code source} unless the target has it; tells {@code progress} either way. */
    void putBlob(Descriptor blob, ContentSource source, ProgressListener progress);

    /**
     * Stores a manifest whose blobs (or child manifests) are all there.
     *
     * @param root true for the manifest the user named: the target tags it
     */
    void putManifest(FetchedManifest manifest, boolean root);

    String describe();
}
