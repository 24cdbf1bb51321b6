package dev.berth.registry.http;

import dev.berth.oci.Descriptor;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.StoredManifest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where the API reads manifests and blobs from: the registry's own store ({@link StoredContent}),
 * or, for a repository an upstream registry serves, the pull-through mirror that fills the store
 * from it. Writes always go to the core; a mirrored repository refuses them ({@link MirrorGate}).
 */
public interface ContentSource {
    /** The manifest a tag or digest names; MANIFEST_UNKNOWN when there is none. */
    Future<StoredManifest> manifest(String repository, String reference);

    /**
     * The blob with this digest; BLOB_UNKNOWN when there is none. {@code content} is false for a
     * HEAD, which needs the digest and size only.
     */
    Future<BlobSource> blob(String repository, String digest, boolean content);

    /** The manifests whose subject is {@code subject}, of {@code artifactType} when one is given. */
    Future<List<Descriptor>> referrers(String repository, String subject, String artifactType);

    /** The name of the upstream that serves {@code repository}, when it is mirrored. */
    Optional<String> mirroredBy(String repository);
}
