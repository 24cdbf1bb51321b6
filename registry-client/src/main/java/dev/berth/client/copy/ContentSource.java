package dev.berth.client.copy;

import dev.berth.client.FetchedManifest;
import dev.berth.oci.Descriptor;
import java.io.InputStream;
import java.util.Optional;

/** Where an image comes from: a registry, an OCI layout, a docker save tarball. */
public interface ContentSource {

    /** The manifest (or index) the user named, verified. */
    FetchedManifest root();

    /** A manifest that an index lists, verified against its descriptor. */
    FetchedManifest manifest(Descriptor descriptor);

    /** A blob's content from {@code offset} on; the reader verifies it. */
    InputStream blob(Descriptor descriptor, long offset);

    /** The registry repository the content lives in, when it lives in one: a target there can mount from it. */
    default Optional<RepositoryLocation> location() {
        return Optional.empty();
    }

    /** Says where this is, for messages. */
    String describe();
}
