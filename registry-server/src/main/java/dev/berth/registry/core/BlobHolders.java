package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.Names;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Which repositories have linked a blob, kept as one empty marker per repository under the blob's
 * directory of the index, so that a mount without {@code from} finds its candidates with one
 * listing instead of a walk of every repository (on S3, a request per directory of the bucket).
 *
 * <p>As with the other listing indexes (docs/architecture.md): a marker is written before the
 * layer link it stands for, and it is only a candidate, checked against the layer link and the
 * blob's data before use, because a link may have been deleted since. Blobs linked before the
 * index existed, or by registry:2, have no markers: a mount without {@code from} then opens an
 * upload session, as it does for any blob it cannot find.
 */
final class BlobHolders {
    private final Store store;

    BlobHolders(Store store) {
        this.store = store;
    }

    /** A lost marker only costs a client an upload it could have mounted: no fsync. */
    Future<Void> add(Digest digest, String repository) {
        return store.writeEphemeral(RegistryLayout.blobHolderMarker(digest, repository), Buffer.buffer());
    }

    /** The repositories that linked the blob at some time, in no particular order. */
    Future<List<String>> candidates(Digest digest) {
        return store.listOrEmpty(RegistryLayout.blobHoldersDir(digest))
                .map(markers -> markers.stream()
                        .map(RegistryLayout::catalogMarkerName)
                        .filter(Names::isRepository)
                        .toList());
    }
}
