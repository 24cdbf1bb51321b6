package dev.berth.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Syncing a file while it is written")
class EarlySyncTest {
    private final List<Promise<Void>> syncs = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final EarlySync early = new EarlySync(this::sync, failures::add);

    @Test
    @DisplayName("starts a sync once 64 MiB were written since the last one began")
    void everySixtyFourMebibytes() {
        early.written(EarlySync.EVERY - 1);
        assertThat(syncs).isEmpty();

        early.written(1);
        assertThat(syncs).hasSize(1);

        syncs.get(0).complete();
        early.written(EarlySync.EVERY / 2);
        early.written(EarlySync.EVERY / 2 - 1);
        assertThat(syncs).hasSize(1);
        early.written(1);
        assertThat(syncs).hasSize(2);
    }

    @Test
    @DisplayName("runs one sync at a time: bytes written meanwhile start the next one with the first write after it")
    void oneAtATime() {
        early.written(EarlySync.EVERY);
        early.written(3 * EarlySync.EVERY);
        assertThat(syncs).hasSize(1);

        syncs.get(0).complete();
        early.written(1);
        assertThat(syncs).hasSize(2);
    }

    @Test
    @DisplayName("is settled only when no sync runs: the file may not be closed under one")
    void settled() {
        assertThat(early.settled().isComplete()).isTrue();

        early.written(EarlySync.EVERY);
        Future<Void> settled = early.settled();
        assertThat(settled.isComplete()).isFalse();

        syncs.get(0).complete();
        assertThat(settled.succeeded()).isTrue();
    }

    @Test
    @DisplayName("tells the writer of a failed sync before it is settled, and goes on")
    void failure() {
        IOException broken = new IOException("Input/output error");
        early.written(EarlySync.EVERY);
        Future<Void> settled = early.settled().map(v -> {
            assertThat(failures).as("failures known when settled").containsExactly(broken);
            return v;
        });

        syncs.get(0).fail(broken);

        assertThat(settled.succeeded()).isTrue();
        early.written(EarlySync.EVERY);
        assertThat(syncs).hasSize(2);
    }

    private Future<Void> sync() {
        Promise<Void> sync = Promise.promise();
        syncs.add(sync);
        return sync.future();
    }
}
