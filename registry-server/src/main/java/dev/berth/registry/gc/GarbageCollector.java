package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import dev.berth.storage.FileInfo;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Online mark and sweep over the registry:2 tree while pushes go on. The protocol (see
 * docs/operations.md): take the lease; note the start time; mark every blob a live manifest of any
 * repository references; then delete only what is unmarked AND was last written, together with
 * every layer link to it, before the start minus the grace period. A push writes its blobs (and
 * their layer links) before the manifest that references them, so whatever a push in flight is
 * about to reference is young and kept, and is marked by the next collection.
 */
public final class GarbageCollector {
    /** Long enough for any collection of a large store; renewed halfway when it is not. */
    static final Duration LEASE_TTL = Duration.ofMinutes(30);

    static final Duration LEASE_SETTLE = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final Store store;
    private final StoreWalker walker;
    private final RepositoryGraphLoader graphs;
    private final Clock clock;
    private final GcLease lease;
    private final GcListener listener;
    private final UploadPurge uploadPurge;

    public GarbageCollector(Vertx vertx, StorageDriver driver, GcListener listener) {
        this(vertx, driver, listener, Clock.systemUTC(), LEASE_SETTLE);
    }

    GarbageCollector(Vertx vertx, StorageDriver driver, GcListener listener, Clock clock, Duration leaseSettle) {
        this.vertx = vertx;
        this.store = new Store(driver);
        this.walker = new StoreWalker(store);
        this.graphs = new RepositoryGraphLoader(store, walker);
        this.clock = clock;
        this.listener = listener;
        this.uploadPurge = new UploadPurge(store);
        this.lease = new GcLease(vertx, store, clock, "collector " + UUID.randomUUID(), LEASE_TTL, leaseSettle);
    }

    /** Runs one collection; fails with {@link GcBusyException} when another one holds the lease. */
    public Future<GcReport> collect(GcOptions options) {
        Instant started = clock.instant();
        return lease.acquire()
                .compose(v -> {
                    long renewal = vertx.setPeriodic(LEASE_TTL.dividedBy(2).toMillis(), id -> lease.renew());
                    return run(options, started).eventually(() -> {
                        vertx.cancelTimer(renewal);
                        return lease.release();
                    });
                })
                .onSuccess(listener::collected);
    }

    private Future<GcReport> run(GcOptions options, Instant started) {
        Instant cutoff = started.minus(options.gracePeriod());
        Sweep sweep = new Sweep(options, cutoff);
        return walker.repositories()
                .compose(repositories -> {
                    sweep.repositories = repositories.size();
                    return Batches.forEach(
                            repositories,
                            repository -> markRepository(repository, sweep)
                                    .compose(v -> purgeUploads(repository, options, started, sweep)));
                })
                .compose(v -> sweepBlobs(sweep))
                .compose(v -> sweep.failure.get() == null
                        ? Future.succeededFuture(report(sweep, started))
                        : Future.failedFuture(sweep.failure.get()))
                .recover(failure -> Future.failedFuture(new GcFailedException(report(sweep, started), failure)));
    }

    /** What the collection counted so far: each delete counts once it succeeded. */
    private GcReport report(Sweep sweep, Instant started) {
        return new GcReport(
                sweep.options.dryRun(),
                sweep.repositories,
                sweep.marked.size(),
                sweep.blobsDeleted.get(),
                sweep.bytesFreed.get(),
                sweep.manifestsDeleted.get(),
                sweep.uploadsPurged.get(),
                Duration.between(started, clock.instant()));
    }

    /** What the repository keeps, passed on through the futures (see {@link Batches}). */
    private Future<Void> markRepository(String repository, Sweep sweep) {
        Future<Void> layers = walker.digestsUnder(RegistryLayout.layersDir(repository))
                .map(digests -> {
                    digests.forEach(digest -> sweep.layerLinks
                            .computeIfAbsent(digest, d -> Collections.synchronizedList(new ArrayList<>()))
                            .add(repository));
                    return null;
                });
        Future<Void> manifests = graphs.load(repository).compose(graph -> {
            Set<Digest> live = new HashSet<>(graph.liveManifests(sweep.options.deleteUntagged()));
            List<Digest> dead = graph.manifests().keySet().stream()
                    .filter(digest -> !live.contains(digest))
                    .toList();
            // A young untagged manifest may be the child of an index still being pushed: keep it, and its blobs.
            return Batches.map(
                            dead,
                            digest -> deleteManifestIfOld(graph, digest, sweep)
                                    .map(deleted -> deleted ? Optional.<Digest>empty() : Optional.of(digest)))
                    .map(kept -> {
                        kept.forEach(young -> young.ifPresent(live::add));
                        sweep.marked.addAll(graph.referencedBlobs(live));
                        return null;
                    });
        });
        return Future.all(layers, manifests).mapEmpty();
    }

    private Future<Boolean> deleteManifestIfOld(RepositoryGraph graph, Digest digest, Sweep sweep) {
        String repository = graph.repository();
        return store.stat(RegistryLayout.revisionLink(repository, digest)).compose(info -> {
            if (info.isEmpty() || !info.get().modified().isBefore(sweep.cutoff)) {
                return Future.succeededFuture(false);
            }
            if (sweep.options.dryRun()) {
                sweep.manifestsDeleted.incrementAndGet();
                return Future.succeededFuture(true);
            }
            Future<Void> referrer = graph.subjectOf(digest)
                    .map(subject -> store.deleteIfExists(RegistryLayout.referrerDir(repository, subject, digest)))
                    .orElse(Future.succeededFuture());
            return referrer.compose(v -> store.deleteIfExists(RegistryLayout.taggedByDir(repository, digest)))
                    .compose(v -> store.deleteIfExists(RegistryLayout.revisionLink(repository, digest)))
                    .onSuccess(v -> sweep.manifestsDeleted.incrementAndGet())
                    .map(true);
        });
    }

    private Future<Void> purgeUploads(String repository, GcOptions options, Instant now, Sweep sweep) {
        return uploadPurge
                .purge(List.of(repository), now.minus(options.purgeUploadsAfter()), options.dryRun())
                .onSuccess(sweep.uploadsPurged::addAndGet)
                .mapEmpty();
    }

    private Future<Void> sweepBlobs(Sweep sweep) {
        return walker.blobs()
                .compose(blobs -> Batches.forEach(
                        blobs.stream()
                                .filter(digest -> !sweep.marked.contains(digest))
                                .toList(),
                        // One blob that cannot be deleted holds back none of the others; the run fails at the end.
                        digest -> sweepBlob(digest, sweep).recover(failure -> {
                            sweep.failure.compareAndSet(null, failure);
                            return Future.succeededFuture();
                        })));
    }

    private Future<Void> sweepBlob(Digest digest, Sweep sweep) {
        List<String> linkedFrom = List.copyOf(sweep.layerLinks.getOrDefault(digest, List.of()));
        return store.stat(RegistryLayout.blobData(digest)).compose(data -> {
            if (data.isEmpty() || !data.get().modified().isBefore(sweep.cutoff)) {
                return Future.succeededFuture();
            }
            return allOld(linkedFrom, digest, sweep.cutoff).compose(old -> {
                if (!old) {
                    return Future.succeededFuture();
                }
                if (sweep.options.dryRun()) {
                    sweep.counted(data.get());
                    return Future.succeededFuture();
                }
                // Data first: a crash in between leaves dangling links, which scrub removes, never a link-less blob in
                // use.
                return store.deleteIfExists(RegistryLayout.blobDir(digest))
                        .onSuccess(v -> sweep.counted(data.get()))
                        .compose(v -> store.deleteIfExists(RegistryLayout.blobHoldersDir(digest)))
                        .compose(v -> Batches.forEach(
                                linkedFrom,
                                repository -> store.deleteIfExists(RegistryLayout.layerLink(repository, digest))));
            });
        });
    }

    /** Whether every layer link to the blob was written before the cutoff: a fresh upload or mount links it anew. */
    private Future<Boolean> allOld(List<String> repositories, Digest digest, Instant cutoff) {
        List<Future<Boolean>> checks = repositories.stream()
                .map(repository -> store.stat(RegistryLayout.layerLink(repository, digest))
                        .map(info -> info.map(FileInfo::modified)
                                .map(modified -> modified.isBefore(cutoff))
                                .orElse(true)))
                .toList();
        return Future.all(checks).map(all -> checks.stream().allMatch(Future::result));
    }

    /** What one collection learns and counts as it goes. */
    private static final class Sweep {
        final GcOptions options;
        final Instant cutoff;
        final Set<Digest> marked = ConcurrentHashMap.newKeySet();
        final Map<Digest, List<String>> layerLinks = new ConcurrentHashMap<>();
        final AtomicInteger blobsDeleted = new AtomicInteger();
        final AtomicLong bytesFreed = new AtomicLong();
        final AtomicInteger manifestsDeleted = new AtomicInteger();
        final AtomicInteger uploadsPurged = new AtomicInteger();
        /** The first blob delete that failed: the sweep goes on, and the run fails with it at the end. */
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        volatile int repositories;

        Sweep(GcOptions options, Instant cutoff) {
            this.options = options;
            this.cutoff = cutoff;
        }

        void counted(FileInfo deletedBlob) {
            blobsDeleted.incrementAndGet();
            bytesFreed.addAndGet(deletedBlob.size());
        }
    }
}
