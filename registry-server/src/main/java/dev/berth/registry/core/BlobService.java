package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as a repository sees them: content-addressed data shared by the whole store, visible in
 * a repository only through that repository's layer link (as in registry:2).
 */
public final class BlobService {
    private static final Logger LOG = LoggerFactory.getLogger(BlobService.class);
    private final Store store;
    private final BlobHolders holders;
    private final RegistryOptions options;

    BlobService(Store store, RegistryOptions options) {
        this.store = store;
        this.holders = new BlobHolders(store);
        this.options = options;
    }

    /** The blob's source when the repository links it and its data exists; BLOB_UNKNOWN otherwise. */
    public Future<BlobSource> find(String repository, String digestText) {
        Validate.repository(repository);
        Digest digest = Validate.digest(digestText);
        String link = RegistryLayout.layerLink(repository, digest);
        return store.stat(link)
                .compose(linked -> linked.map(
                                info -> keepYoung(link, digest, info.modified()).compose(v -> source(digest)))
                        .orElseGet(() -> Future.failedFuture(unknown(digest))));
    }

    /**
     * A client that finds a blob with HEAD may skip uploading it and reference it in a manifest
     * moments later. Garbage collection deletes only blobs whose every link is older than its
     * grace period, so the link of a blob looked up is rewritten once it is half that old: a blob
     * unreferenced for months that a push is about to use again is then as safe as a fresh upload.
     * At most one small write per blob and repository per half grace period; best effort, as a
     * lookup must not fail on a store that refuses writes.
     */
    private Future<Void> keepYoung(String link, Digest digest, Instant written) {
        Duration grace = options.gcGracePeriod();
        if (grace.isZero() || !written.isBefore(Instant.now().minus(grace.dividedBy(2)))) {
            return Future.succeededFuture();
        }
        return store.writeLink(link, digest).recover(e -> {
            LOG.debug("cannot refresh {} for the garbage collector: {}", link, e.toString());
            return Future.succeededFuture();
        });
    }

    private Future<BlobSource> source(Digest digest) {
        String path = RegistryLayout.blobData(digest);
        return store.stat(path)
                .compose(data -> data.map(info -> Future.succeededFuture(new BlobSource(
                                digest,
                                info.size(),
                                store.localFile(path),
                                (offset, length) -> store.readStream(path, offset, length),
                                ttl -> store.redirectUrl(path, ttl))))
                        .orElseGet(() -> Future.failedFuture(unknown(digest))));
    }

    /** Whether the repository holds the blob (link and data). */
    Future<Boolean> exists(String repository, Digest digest) {
        return store.exists(RegistryLayout.layerLink(repository, digest))
                .compose(linked ->
                        linked ? store.exists(RegistryLayout.blobData(digest)) : Future.succeededFuture(false));
    }

    /** Unlinks the blob from the repository; the data stays for other repositories until collected. */
    public Future<Void> delete(String repository, String digestText) {
        Validate.repository(repository);
        Digest digest = Validate.digest(digestText);
        if (!options.deleteEnabled()) {
            return Future.failedFuture(new DistributionException(ErrorCode.UNSUPPORTED, "blob deletion is disabled"));
        }
        String link = RegistryLayout.layerLink(repository, digest);
        return store.exists(link).compose(linked -> linked ? store.delete(link) : Future.failedFuture(unknown(digest)));
    }

    /**
     * Links into {@code repository} a blob that {@code from} holds, and answers it. Answers
     * nothing, and changes nothing, when {@code from} does not hold it.
     */
    public Future<Optional<CompletedBlob>> mount(String repository, String from, String digestText) {
        Validate.repository(repository);
        if (!Digest.isValid(digestText) || from == null || !Names.isRepository(from)) {
            return Future.succeededFuture(Optional.empty());
        }
        Digest digest = Digest.parse(digestText);
        return exists(from, digest)
                .compose(present -> present
                        ? link(repository, digest).map(Optional.of(new CompletedBlob(repository, digest)))
                        : Future.succeededFuture(Optional.empty()));
    }

    /**
     * A mount without {@code from} (the spec's MAY): links into {@code repository} the blob from a
     * repository that holds it and that {@code mayPull} lets the caller read, so that nobody takes
     * a blob they could not pull. Answers nothing, and changes nothing, when automatic mounts are
     * off or no such repository holds the blob.
     */
    public Future<Optional<CompletedBlob>> mountFromAnyHolder(
            String repository, String digestText, Predicate<String> mayPull) {
        Validate.repository(repository);
        if (!options.automaticCrossMount() || !Digest.isValid(digestText)) {
            return Future.succeededFuture(Optional.empty());
        }
        Digest digest = Digest.parse(digestText);
        return holders.candidates(digest)
                .compose(candidates ->
                        firstHolding(candidates.stream().filter(mayPull).toList(), 0, digest))
                .compose(holder -> holder
                        ? link(repository, digest).map(Optional.of(new CompletedBlob(repository, digest)))
                        : Future.succeededFuture(Optional.empty()));
    }

    /** Whether one of the candidates from {@code index} on still holds the blob; asked one at a time, the first usually does. */
    private Future<Boolean> firstHolding(List<String> candidates, int index, Digest digest) {
        if (index == candidates.size()) {
            return Future.succeededFuture(false);
        }
        return exists(candidates.get(index), digest)
                .compose(present ->
                        present ? Future.succeededFuture(true) : firstHolding(candidates, index + 1, digest));
    }

    /** Makes an existing blob visible in the repository: its holder marker first, then the layer link. */
    Future<Void> link(String repository, Digest digest) {
        return holders.add(digest, repository)
                .compose(v -> store.writeLink(RegistryLayout.layerLink(repository, digest), digest));
    }

    static DistributionException unknown(Digest digest) {
        return new DistributionException(
                ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest, Map.of("digest", digest.toString()));
    }
}
