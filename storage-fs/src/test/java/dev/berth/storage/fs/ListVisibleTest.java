package dev.berth.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("listing a directory")
class ListVisibleTest {
    /** Enough rounds for the lister to land between a removal and the next placement (bench/soak did). */
    private static final int ROUNDS = 5_000;

    @TempDir
    Path root;

    @Test
    @DisplayName(
            "that others empty, remove and make again meanwhile gives its names or 'no such directory', never a failure")
    void directoryComingAndGoing() throws Exception {
        Path uploads = root.resolve("repo/_uploads");
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> churn = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    Path session = uploads.resolve("session-" + i);
                    NewDirectories.place(session.resolve("startedat"), file -> Files.writeString(file, "now"));
                    Files.delete(session.resolve("startedat"));
                    BlockingFileOps.removeEmptyParents(session.resolve("startedat"), root);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                done.set(true);
            }
        });
        List<IOException> failures = new ArrayList<>();
        while (!done.get()) {
            try {
                BlockingFileOps.listVisible(uploads);
            } catch (NoSuchFileException e) {
                // Between a removal and the next placement: not there, which the caller may handle.
            } catch (IOException e) {
                failures.add(e);
            }
        }
        churn.join();
        assertThat(failures).isEmpty();
    }
}
