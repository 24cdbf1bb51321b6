package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * Reads the manifests a repository holds: its revision link says it holds one, the blob store
 * has the bytes. Both the manifests API and the referrers API read them, so neither owns this.
 */
public final class StoredManifests {
    private final Store store;
    private final ManifestCache cache;

    StoredManifests(Store store, ManifestCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /**
     * The manifest with this digest when the repository holds it and its content exists. The link
     * is read every time, since another replica may have deleted the manifest; the content comes
     * from the cache when it holds it.
     */
    Future<Optional<StoredManifest>> load(String repository, Digest digest) {
        return store.exists(RegistryLayout.revisionLink(repository, digest))
                .compose(linked -> linked ? content(digest) : Future.succeededFuture(Optional.empty()));
    }

    private Future<Optional<StoredManifest>> content(Digest digest) {
        Optional<StoredManifest> cached = cache.get(digest);
        if (cached.isPresent()) {
            return Future.succeededFuture(cached);
        }
        return store.read(RegistryLayout.blobData(digest))
                .compose(found -> found.isEmpty()
                        ? Future.succeededFuture(Optional.<StoredManifest>empty())
                        : OffLoop.compute(() -> {
                            StoredManifest manifest = checked(digest, found.get());
                            cache.put(manifest);
                            return Optional.of(manifest);
                        }));
    }

    /** A stored manifest parsed again; empty for content older registries took without validation. */
    static Optional<Manifest> parse(StoredManifest stored) {
        return parse(stored.content());
    }

    /**
     * Stored content parsed as the manifest it is; empty for content older registries took without
     * validation, which then references nothing (so that one odd manifest cannot stop a collection).
     */
    public static Optional<Manifest> parse(Buffer content) {
        byte[] bytes = content.getBytes();
        try {
            return Optional.of(ManifestParser.parse(bytes, ManifestParser.storedMediaType(bytes)));
        } catch (DistributionException e) {
            return Optional.empty();
        }
    }

    /**
     * The content once it is checked against the digest: manifests are small, so every read
     * re-hashes them and a flipped bit is answered 500, never served.
     */
    private static StoredManifest checked(Digest digest, Buffer content) {
        byte[] bytes = content.getBytes();
        Digest actual = Digest.of(digest.algorithm(), bytes);
        if (!actual.equals(digest)) {
            throw new DistributionException(
                    ErrorCode.UNKNOWN,
                    500,
                    "stored manifest " + digest + " is corrupt (its content hashes to " + actual
                            + "); run berth-registry scrub --repair",
                    null);
        }
        return new StoredManifest(digest, ManifestParser.storedMediaType(bytes), content);
    }
}
