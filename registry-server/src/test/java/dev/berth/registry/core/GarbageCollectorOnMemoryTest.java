package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.gc.GarbageCollector;
import dev.berth.registry.gc.GcFailedException;
import dev.berth.registry.gc.GcOptions;
import dev.berth.registry.gc.GcReport;
import dev.berth.storage.memory.Operation;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.TestContent;
import dev.berth.storage.testkit.VertxPerClass;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Garbage collection when storage fails midway: it may leave garbage behind, never lose a blob in
 * use. Everything is stored a day before the collection, past its grace period, so that only the
 * mark keeps a blob.
 */
@DisplayName("garbage collection on failing storage")
class GarbageCollectorOnMemoryTest {
    private static final String REPOSITORY = "library/app";
    private static final Clock A_DAY_AGO = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    private static final GcOptions OPTIONS = new GcOptions(false, false, Duration.ofHours(1), Duration.ofDays(7));
    private static final Buffer CONFIG = Buffer.buffer("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
    private static final Buffer LAYER = TestContent.bytes(50_000, 1);

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private final List<GcReport> reported = new CopyOnWriteArrayList<>();
    private CoreOnMemory core;
    private GarbageCollector collector;
    private Digest manifest;

    @BeforeEach
    void pushImage() {
        core = new CoreOnMemory(VERTX.get(), A_DAY_AGO);
        collector = new GarbageCollector(VERTX.get(), core.driver, reported::add);
        manifest = core.pushImage(REPOSITORY, "v1", CONFIG, LAYER);
    }

    @Test
    @DisplayName("deletes an unreferenced blob with its layer link, and keeps every blob the tagged image references")
    void sweepsGarbageOnly() {
        Digest orphan = core.upload(REPOSITORY, TestContent.bytes(1000, 2));

        assertCollectsOnly(orphan);
    }

    /** Issue 16: the failed run reported none of what it had deleted. */
    @Test
    @DisplayName("a delete that fails holds back no other delete; the collection fails with its cause and what it did"
            + " delete, loses nothing in use, and the next collection finishes the job")
    void failingDelete() {
        Digest stuck = core.upload(REPOSITORY, TestContent.bytes(1000, 2));
        Digest other = core.upload(REPOSITORY, TestContent.bytes(1500, 3));
        core.driver.faults().failNext(Operation.DELETE, RegistryLayout.blobDir(stuck), new IOException("I/O error"));

        Throwable failure = Await.failure(collector.collect(OPTIONS));

        assertThat(failure).hasRootCauseMessage("I/O error");
        assertThat(failure)
                .isInstanceOfSatisfying(GcFailedException.class, failed -> {
                    assertThat(failed.done().blobsDeleted()).isEqualTo(1);
                    assertThat(failed.done().bytesFreed()).isEqualTo(1500);
                })
                .hasMessageStartingWith("garbage collection failed after it deleted 1 blobs (1500 bytes)");
        assertImageIntact();
        assertThat(core.stored(RegistryLayout.blobData(stuck))).isTrue();
        assertThat(core.stored(RegistryLayout.blobDir(other))).isFalse();
        assertThat(reported).isEmpty();

        assertCollectsOnly(stuck);
    }

    @Test
    @DisplayName("a manifest that cannot be read stops the collection before it deletes anything")
    void unreadableManifest() {
        Digest orphan = core.upload(REPOSITORY, TestContent.bytes(1000, 2));
        core.driver
                .faults()
                .failAlways(Operation.READ, RegistryLayout.blobData(manifest), new IOException("bad sector"));

        assertThat(Await.failure(collector.collect(OPTIONS))).hasRootCauseMessage("bad sector");

        core.driver.faults().clear();
        assertThat(core.stored(RegistryLayout.blobData(orphan))).isTrue();
        assertImageIntact();
    }

    /** A collection that succeeds, deleting {@code garbage} with its layer link and nothing else. */
    private void assertCollectsOnly(Digest garbage) {
        GcReport report = Await.result(collector.collect(OPTIONS));

        assertThat(report.blobsDeleted()).isEqualTo(1);
        assertThat(core.stored(RegistryLayout.blobDir(garbage))).isFalse();
        assertThat(core.stored(RegistryLayout.layerLink(REPOSITORY, garbage))).isFalse();
        assertImageIntact();
    }

    private void assertImageIntact() {
        assertThat(core.await(() -> core.registry.manifests().get(REPOSITORY, "v1"))
                        .digest())
                .isEqualTo(manifest);
        assertThat(core.blob(REPOSITORY, Digest.sha256(CONFIG.getBytes()))).contains(CONFIG);
        assertThat(core.blob(REPOSITORY, Digest.sha256(LAYER.getBytes()))).contains(LAYER);
    }
}
