package dev.berth.registry.scrub;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import dev.berth.registry.gc.StoreWalker;
import dev.berth.registry.gc.UploadAge;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Re-hashes every blob, checks every repository link, and looks for what a crash left behind: the
 * driver's hidden temporary files, and upload directories without {@code startedat} (which every
 * session, Berth's or registry:2's, writes first). With repair, a corrupt blob's data is moved to
 * the quarantine (so it is answered 404, never served), links to missing blobs (quarantined ones
 * included) are removed, and so are the leftovers.
 */
public final class Scrubber {
    /** Leftovers younger than this may belong to a write or a delete in progress, and are left alone. */
    public static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final StorageDriver driver;
    private final Store store;
    private final StoreWalker walker;
    private final UploadAge uploadAge;

    public Scrubber(StorageDriver driver) {
        this.driver = driver;
        this.store = new Store(driver);
        this.walker = new StoreWalker(store);
        this.uploadAge = new UploadAge(store);
    }

    public Future<ScrubReport> scrub(boolean repair) {
        List<String> corrupt = Collections.synchronizedList(new ArrayList<>());
        List<String> dangling = Collections.synchronizedList(new ArrayList<>());
        List<String> leftovers = Collections.synchronizedList(new ArrayList<>());
        Set<Digest> present = ConcurrentHashMap.newKeySet();
        Instant leftBefore = Instant.now().minus(LEFTOVER_AGE);
        return walker.blobs()
                .compose(blobs -> Batches.forEach(
                                blobs,
                                digest -> rehash(digest).compose(actual -> {
                                    if (actual == null) {
                                        return Future.succeededFuture();
                                    }
                                    if (actual.equals(digest)) {
                                        present.add(digest);
                                        return Future.succeededFuture();
                                    }
                                    corrupt.add(digest + " (content hashes to " + actual + ")");
                                    return repair
                                            ? store.move(
                                                    RegistryLayout.blobData(digest),
                                                    RegistryLayout.quarantinedBlob(digest))
                                            : Future.succeededFuture();
                                }))
                        .compose(v -> walker.repositories())
                        .compose(repositories -> Batches.forEach(
                                repositories,
                                repository -> checkLinks(repository, present, repair, dangling)
                                        .compose(v -> findHeadlessUploads(repository, leftBefore, repair, leftovers))))
                        .compose(v -> driver.crashLeftovers(leftBefore, repair))
                        .map(hidden -> {
                            leftovers.addAll(hidden);
                            return new ScrubReport(
                                    repair,
                                    blobs.size(),
                                    List.copyOf(corrupt),
                                    List.copyOf(dangling),
                                    List.copyOf(leftovers));
                        }));
    }

    /** Upload directories without {@code startedat}, untouched since {@code before}: no session, only its remains. */
    private Future<Void> findHeadlessUploads(String repository, Instant before, boolean repair, List<String> found) {
        return store.listOrEmpty(RegistryLayout.uploadsDir(repository))
                .compose(ids -> Batches.forEach(
                        ids,
                        id -> store.exists(RegistryLayout.uploadStartedAt(repository, id))
                                .compose(started -> started
                                        ? Future.succeededFuture()
                                        : uploadAge.lastWritten(repository, id).compose(written -> {
                                            if (written.isPresent()
                                                    && !written.get().isBefore(before)) {
                                                return Future.succeededFuture();
                                            }
                                            String dir = RegistryLayout.uploadDir(repository, id);
                                            found.add(dir);
                                            return repair ? store.deleteIfExists(dir) : Future.succeededFuture();
                                        }))));
    }

    private Future<Void> checkLinks(String repository, Set<Digest> present, boolean repair, List<String> dangling) {
        Future<List<String>> layers = walker.digestsUnder(RegistryLayout.layersDir(repository))
                .map(digests -> digests.stream()
                        .filter(d -> !present.contains(d))
                        .map(d -> RegistryLayout.layerLink(repository, d))
                        .toList());
        Future<List<String>> revisions = walker.digestsUnder(RegistryLayout.revisionsDir(repository))
                .map(digests -> digests.stream()
                        .filter(d -> !present.contains(d))
                        .map(d -> RegistryLayout.revisionLink(repository, d))
                        .toList());
        return Future.all(layers, revisions).compose(v -> {
            List<String> candidates = new ArrayList<>(layers.result());
            candidates.addAll(revisions.result());
            // A directory whose link was removed stays behind on the filesystem: only a link file is a link.
            return Batches.forEach(
                    candidates,
                    link -> store.stat(link).compose(info -> {
                        if (info.isEmpty()) {
                            return Future.succeededFuture();
                        }
                        dangling.add(link);
                        return repair ? store.deleteIfExists(link) : Future.succeededFuture();
                    }));
        });
    }

    /** The digest of the blob's stored content, with the algorithm its name says; null when it has none. */
    private Future<Digest> rehash(Digest digest) {
        return store.readStreamIfExists(RegistryLayout.blobData(digest))
                .compose(content -> content.map(stream -> hash(stream, digest.algorithm()))
                        .orElseGet(() -> Future.succeededFuture(null)));
    }

    private static Future<Digest> hash(ReadStream<Buffer> stream, DigestAlgorithm algorithm) {
        MessageDigest hash = algorithm.newMessageDigest();
        Promise<Digest> done = Promise.promise();
        stream.handler(chunk -> hash.update(chunk.getBytes()));
        stream.exceptionHandler(done::tryFail);
        stream.endHandler(v -> done.tryComplete(Digest.fromHash(algorithm, hash.digest())));
        stream.resume();
        return done.future();
    }
}
