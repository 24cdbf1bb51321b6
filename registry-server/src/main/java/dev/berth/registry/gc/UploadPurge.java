package dev.berth.registry.gc;

import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Deletes upload sessions nobody has written to since a cutoff, with the data they received (and
 * on S3 the driver's segments and unfinished multipart uploads below them). Garbage collection
 * runs it, and {@link ScheduledUploadPurge} on its own schedule. Replicas may purge at once: each
 * deletion is of a whole session directory, and deleting what is already gone is no failure.
 */
final class UploadPurge {
    private final Store store;
    private final UploadAge uploadAge;

    UploadPurge(Store store) {
        this.store = store;
        this.uploadAge = new UploadAge(store);
    }

    /** The sessions of {@code repositories} last written before {@code cutoff}: how many were (or would be) purged. */
    Future<Integer> purge(List<String> repositories, Instant cutoff, boolean dryRun) {
        return Batches.map(repositories, repository -> purge(repository, cutoff, dryRun))
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Future<Integer> purge(String repository, Instant cutoff, boolean dryRun) {
        return store.listOrEmpty(RegistryLayout.uploadsDir(repository))
                .compose(ids -> Batches.map(
                        ids,
                        id -> uploadAge.lastWritten(repository, id).compose(written -> {
                            if (written.isEmpty() || !written.get().isBefore(cutoff)) {
                                return Future.succeededFuture(false);
                            }
                            return (dryRun
                                            ? Future.<Void>succeededFuture()
                                            : store.deleteIfExists(RegistryLayout.uploadDir(repository, id)))
                                    .map(true);
                        })))
                .map(purged ->
                        (int) purged.stream().filter(Boolean::booleanValue).count());
    }
}
