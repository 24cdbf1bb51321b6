package dev.berth.registry.gc;

import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import dev.berth.storage.FileInfo;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When an upload session was last written to: its state is saved after every chunk, its start
 * time once, and registry:2 sessions have only their start time and data. On S3 the driver's
 * unfinished segments sit under the session's directory and go with it.
 */
public final class UploadAge {
    private final Store store;

    public UploadAge(Store store) {
        this.store = store;
    }

    /** Empty when the session has none of its files (it is being created or removed right now). */
    public Future<Optional<Instant>> lastWritten(String repository, String id) {
        List<Future<Optional<FileInfo>>> files = List.of(
                store.stat(RegistryLayout.uploadState(repository, id)),
                store.stat(RegistryLayout.uploadStartedAt(repository, id)),
                store.stat(RegistryLayout.uploadData(repository, id)));
        return Future.all(files)
                .map(all -> files.stream()
                        .map(Future::result)
                        .flatMap(Optional::stream)
                        .map(FileInfo::modified)
                        .filter(Objects::nonNull)
                        .max(Instant::compareTo));
    }
}
