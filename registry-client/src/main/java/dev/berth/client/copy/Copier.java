package dev.berth.client.copy;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Platform;
import dev.berth.oci.PlatformSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Copies an image from a source to a target: the blobs of each image manifest first (up to
 * {@code jobs} at once), then the manifest, children of an index before the index, so that a
 * target never holds a manifest whose content is missing. Pull, push and copy are all this.
 */
public final class Copier {
    private final int jobs;
    private final ProgressListener progress;

    public Copier(int jobs, ProgressListener progress) {
        this.jobs = jobs;
        this.progress = progress;
    }

    /**
     * @param platform for an index, the one platform to copy (chosen as docker chooses), which
     *                 then stands in for the index; empty copies the whole index
     * @return the manifest that was copied as the root
     */
    public FetchedManifest copy(ContentSource source, ContentTarget target, Optional<Platform> platform) {
        FetchedManifest root = source.root();
        if (root.parsed().isIndex() && platform.isPresent()) {
            Descriptor chosen = PlatformSelection.choose(root.parsed().manifests(), platform.get())
                    .orElseThrow(() -> new ClientException(
                            FailureKind.NOT_FOUND,
                            source.describe() + " has no image for " + platform.get()
                                    + " (use --platform or --all-platforms)"));
            root = source.manifest(chosen);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
            Thread thread = new Thread(runnable, "berth-blob");
            thread.setDaemon(true);
            return thread;
        });
        try {
            copyTree(root, true, source, target, pool);
        } finally {
            awaitTransfers(pool);
        }
        return root;
    }

    private void copyTree(
            FetchedManifest manifest, boolean root, ContentSource source, ContentTarget target, ExecutorService pool) {
        Manifest parsed = manifest.parsed();
        if (parsed.isIndex()) {
            for (Descriptor child : parsed.manifests()) {
                if (MediaTypes.isManifest(child.mediaType())) {
                    copyTree(source.manifest(child), false, source, target, pool);
                }
            }
        } else {
            copyBlobs(parsed.requiredBlobs(), source, target, pool);
        }
        target.putManifest(manifest, root);
    }

    private void copyBlobs(List<Descriptor> blobs, ContentSource source, ContentTarget target, ExecutorService pool) {
        Map<String, Descriptor> distinct = new LinkedHashMap<>();
        blobs.forEach(blob -> distinct.putIfAbsent(blob.digest().toString(), blob));
        List<Future<?>> running = new ArrayList<>();
        distinct.values().forEach(blob -> running.add(pool.submit(() -> target.putBlob(blob, source, progress))));
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r
                        ? r
                        : new ClientException(FailureKind.OTHER, String.valueOf(e.getCause()), e.getCause());
                failure = first(failure, cause, running);
            } catch (CancellationException e) {
                // Cancelled after an earlier failure, which is the one reported.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException(FailureKind.OTHER, "interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Keeps the first failure and drops the transfers not yet started: one failed blob fails the
     * copy. Those under way finish, verified and kept or failed and resumable, rather than being
     * cut off halfway through a write.
     */
    private static RuntimeException first(RuntimeException kept, RuntimeException next, List<Future<?>> running) {
        if (kept != null) {
            return kept;
        }
        running.forEach(future -> future.cancel(false));
        return next;
    }

    /** Returns once no transfer thread runs: nothing writes into the target after the copy returned. */
    private static void awaitTransfers(ExecutorService pool) {
        pool.shutdown();
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
