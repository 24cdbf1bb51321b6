package dev.berth.registry.core;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * Manifests: validated on push, stored byte for byte as blobs, linked into the repository, and
 * tagged last, so that a crash at any instant leaves no tag pointing at something incomplete. The
 * repository's catalog marker is written before its first revision link, for the same reason.
 */
public final class ManifestService {
    /** The spec asks registries to take manifests of at least 4 MiB; Berth takes exactly that. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private final Store store;
    private final StoredManifests stored;
    private final BlobService blobs;
    private final TagService tags;
    private final ReferrerService referrers;
    private final CatalogIndex catalog;
    private final RegistryOptions options;

    ManifestService(
            Store store,
            StoredManifests stored,
            BlobService blobs,
            TagService tags,
            ReferrerService referrers,
            CatalogIndex catalog,
            RegistryOptions options) {
        this.store = store;
        this.stored = stored;
        this.catalog = catalog;
        this.blobs = blobs;
        this.tags = tags;
        this.referrers = referrers;
        this.options = options;
    }

    public Future<StoredManifest> get(String repository, String reference) {
        Validate.repository(repository);
        ManifestReference ref = ManifestReference.parse(reference, ErrorCode.MANIFEST_UNKNOWN);
        Future<Digest> digest = ref.isTag()
                ? tags.resolve(repository, ref.tag()).map(found -> found.orElseThrow(() -> unknown(reference)))
                : Future.succeededFuture(ref.digest());
        return digest.compose(d -> stored.load(repository, d))
                .map(found -> found.orElseThrow(() -> unknown(reference)));
    }

    public Future<PushedManifest> put(String repository, String reference, Buffer body, String contentType) {
        Validate.repository(repository);
        ManifestReference ref = ManifestReference.parse(reference, ErrorCode.MANIFEST_INVALID);
        if (body.length() > MAX_MANIFEST_BYTES) {
            throw tooLarge();
        }
        return OffLoop.compute(() -> parse(ref, body, contentType))
                .compose(parsed -> push(repository, ref, body, parsed.manifest(), parsed.digest()));
    }

    /** The manifest, checked and hashed: computing work that grows with the body, run off the event loop. */
    private static Parsed parse(ManifestReference ref, Buffer body, String contentType) {
        byte[] bytes = body.getBytes();
        Manifest manifest = ManifestParser.parse(bytes, contentType);
        Digest digest =
                ref.isTag() ? Digest.sha256(bytes) : Digest.of(ref.digest().algorithm(), bytes);
        if (!ref.isTag() && !digest.equals(ref.digest())) {
            throw new DistributionException(
                    ErrorCode.DIGEST_INVALID, "manifest has digest " + digest + ", not " + ref.digest());
        }
        return new Parsed(manifest, digest);
    }

    private Future<PushedManifest> push(
            String repository, ManifestReference ref, Buffer body, Manifest manifest, Digest digest) {
        Digest subject = manifest.subject() == null ? null : manifest.subject().digest();
        return checkReferences(repository, manifest)
                .compose(v -> Future.all(storeContent(digest, body), catalog.add(repository)))
                .compose(v -> store.writeLink(RegistryLayout.revisionLink(repository, digest), digest))
                .compose(v -> subject == null ? Future.succeededFuture() : referrers.add(repository, subject, digest))
                .compose(v -> ref.isTag() ? tags.tag(repository, ref.tag(), digest) : Future.succeededFuture())
                .map(v -> new PushedManifest(repository, digest, subject));
    }

    /** Deletes a tag, or a manifest together with every tag that points at it. */
    public Future<Void> delete(String repository, String reference) {
        Validate.repository(repository);
        ManifestReference ref = ManifestReference.parse(reference, ErrorCode.MANIFEST_UNKNOWN);
        if (!options.deleteEnabled()) {
            return Future.failedFuture(
                    new DistributionException(ErrorCode.UNSUPPORTED, "manifest deletion is disabled"));
        }
        if (ref.isTag()) {
            return tags.untag(repository, ref.tag())
                    .compose(existed -> existed ? Future.succeededFuture() : Future.failedFuture(unknown(reference)));
        }
        Digest digest = ref.digest();
        return stored.load(repository, digest).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(unknown(reference));
            }
            return OffLoop.compute(() -> StoredManifests.parse(found.get())
                            .map(Manifest::subject)
                            .map(Descriptor::digest))
                    .compose(subject -> tags.untagAll(repository, digest)
                            .compose(v -> subject.map(s -> referrers.remove(repository, s, digest))
                                    .orElseGet(Future::succeededFuture)))
                    .compose(v -> store.delete(RegistryLayout.revisionLink(repository, digest)));
        });
    }

    /** A bounded number of lookups at a time: an index may name 25,000 children. */
    private Future<Void> checkReferences(String repository, Manifest manifest) {
        Future<Void> blobsPresent = Batches.forEach(
                manifest.requiredBlobs(),
                blob -> blobs.exists(repository, blob.digest())
                        .compose(present ->
                                present ? Future.succeededFuture() : Future.failedFuture(missing(blob, "blob"))));
        return blobsPresent.compose(v -> Batches.forEach(
                manifest.manifests(),
                child -> store.exists(RegistryLayout.revisionLink(repository, child.digest()))
                        .compose(present ->
                                present ? Future.succeededFuture() : Future.failedFuture(missing(child, "manifest")))));
    }

    /**
     * Written even when present: the fresh modification time keeps a garbage collection that runs
     * now from deleting content that was unreferenced until this push (see docs/operations.md).
     */
    private Future<Void> storeContent(Digest digest, Buffer body) {
        return store.write(RegistryLayout.blobData(digest), body);
    }

    private static DistributionException missing(Descriptor descriptor, String kind) {
        return new DistributionException(
                ErrorCode.MANIFEST_BLOB_UNKNOWN,
                "manifest references " + kind + " " + descriptor.digest() + " unknown to this repository",
                Map.of("digest", descriptor.digest().toString()));
    }

    private record Parsed(Manifest manifest, Digest digest) {}

    static DistributionException unknown(String reference) {
        return new DistributionException(
                ErrorCode.MANIFEST_UNKNOWN,
                "manifest unknown: " + reference,
                Map.of("reference", String.valueOf(reference)));
    }

    public static DistributionException tooLarge() {
        return new DistributionException(
                ErrorCode.MANIFEST_INVALID, 413, "manifest is larger than " + MAX_MANIFEST_BYTES + " bytes", null);
    }
}
