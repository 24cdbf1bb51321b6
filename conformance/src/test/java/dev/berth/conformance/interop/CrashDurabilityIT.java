package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.Sha256;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.Pause;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.image.PseudoRandomBytes;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durability promise: a crash at any instant leaves no corrupt blob and no dangling tag,
 * and loses nothing the registry had acknowledged. The crash is a real SIGKILL of the
 * registry process; the verdict comes from a fresh process on the same directory.
 */
@DisplayName("a registry killed with SIGKILL comes back consistent")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashDurabilityIT {

    private static final String REPO = "crash/app";
    private static final int FINISHED_BEFORE = 12;
    private static final int PARKED_IN_PATCH = 6;
    private static final int PARKED_IN_PUT = 6;
    private static final int LEFT_OPEN = 4;
    private static final int BLOB_RACERS = 6;
    private static final int MANIFEST_RACERS = 2;
    /** The racers must have finished this many uploads before the kill, so the race is real. */
    private static final int RACED_UPLOADS_BEFORE_KILL = 12;

    private final RegistryKind kind = RegistryKind.selected();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    /** Opened after the kill: lets parked request bodies fail and their threads end. */
    private final CountDownLatch release = new CountDownLatch(1);

    private Cleanup cleanup;
    private Path dataDir;

    @BeforeEach
    void setUp() {
        cleanup = new Cleanup();
        dataDir = cleanup.add(ScratchDir.inBuildDir("crash-it-")).newDir("data");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        cleanup.close();
    }

    @Test
    @DisplayName(
            "kill -9 amid many concurrent uploads: acknowledged blobs and tags survive, interrupted ones are absent or whole")
    void killDuringConcurrentUploads() throws Exception {
        RegistryProcess registry = cleanup.add(kind.start(dataDir));
        RegistryApi api = new RegistryApi(registry.baseUrl());
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> attempted = new ConcurrentHashMap<>();
        Map<String, String> attemptedTags = new ConcurrentHashMap<>();
        Set<String> acknowledgedTags = ConcurrentHashMap.newKeySet();

        // Before the storm: finished monolithic and chunked uploads, and a tag over some of them.
        for (int i = 0; i < FINISHED_BEFORE; i++) {
            byte[] content = randomBlob(i);
            String digest = i % 2 == 0 ? api.uploadBlob(REPO, content) : api.uploadBlobInChunks(REPO, content, 3);
            acknowledged.put(digest, (long) content.length);
        }
        byte[] tagged = manifestOver(api, "before-crash");
        api.putManifest(REPO, "before-crash", tagged);
        acknowledgedTags.add("before-crash");

        // The storm: requests parked at known points, plus racers doing whatever they do when the kill comes.
        AtomicBoolean killed = new AtomicBoolean();
        Queue<Throwable> failuresBeforeKill = new ConcurrentLinkedQueue<>();
        CountDownLatch parked = new CountDownLatch(PARKED_IN_PATCH + PARKED_IN_PUT);
        for (int i = 0; i < PARKED_IN_PATCH; i++) {
            byte[] content = randomBlob(100 + i);
            attempted.put(Sha256.of(content), (long) content.length);
            workers.submit(() -> parkInSecondPatch(api, content, parked));
        }
        for (int i = 0; i < PARKED_IN_PUT; i++) {
            byte[] content = randomBlob(200 + i);
            String digest = Sha256.of(content);
            attempted.put(digest, (long) content.length);
            workers.submit(() -> api.finishUpload(
                    api.startUpload(REPO),
                    digest,
                    content.length,
                    () -> new StallingInputStream(content, content.length / 2, parked, release)));
        }
        for (int i = 0; i < LEFT_OPEN; i++) {
            byte[] content = randomBlob(300 + i);
            attempted.put(Sha256.of(content), (long) content.length);
            api.appendChunk(api.startUpload(REPO), 0, Arrays.copyOf(content, content.length / 2));
        }
        AtomicInteger racedUploads = new AtomicInteger();
        for (int racer = 0; racer < BLOB_RACERS; racer++) {
            int seedBase = 1_000_000 * (racer + 1);
            workers.submit(() -> untilKilled(killed, failuresBeforeKill, round -> {
                byte[] content = randomBlob(seedBase + round);
                attempted.put(Sha256.of(content), (long) content.length);
                String digest = api.uploadBlobInChunks(REPO, content, 2);
                acknowledged.put(digest, (long) content.length);
                racedUploads.incrementAndGet();
            }));
        }
        for (int racer = 0; racer < MANIFEST_RACERS; racer++) {
            String prefix = "race-" + racer + "-";
            workers.submit(() -> untilKilled(killed, failuresBeforeKill, round -> {
                String tag = prefix + round;
                byte[] manifest = manifestOver(api, tag);
                attemptedTags.put(tag, Sha256.of(manifest));
                api.putManifest(REPO, tag, manifest);
                acknowledgedTags.add(tag);
            }));
        }

        assertThat(parked.await(60, TimeUnit.SECONDS))
                .as("every parked request reached its stall point")
                .isTrue();
        awaitAtLeast(racedUploads, RACED_UPLOADS_BEFORE_KILL, failuresBeforeKill);
        killed.set(true);
        registry.kill();
        release.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS))
                .as("client threads end after the kill")
                .isTrue();
        assertThat(failuresBeforeKill)
                .as("requests that failed while the registry was still up")
                .isEmpty();

        RegistryProcess restarted = cleanup.add(kind.start(dataDir));
        RegistryAudit audit = new RegistryAudit(restarted, REPO);
        acknowledged.forEach(audit::assertBlobIntact);
        attempted.forEach(audit::assertBlobAbsentOrIntact);
        assertThat(audit.assertEveryTagResolves()).containsAll(acknowledgedTags);
        attemptedTags.forEach(audit::assertTagAbsentOrPointsTo);
        RegistryAudit.assertNoCorruptBlobOnDisk(dataDir);
        byte[] afterwards = randomBlob(999);
        audit.assertBlobIntact(
                new RegistryApi(restarted.baseUrl()).uploadBlobInChunks(REPO, afterwards, 2), afterwards.length);
        restarted.stop();
    }

    @Test
    @DisplayName("kill -9 while a manifest PUT is half sent leaves the tag absent or pointing at the complete manifest")
    void killDuringHalfSentManifest() throws Exception {
        RegistryProcess registry = cleanup.add(kind.start(dataDir));
        RegistryApi api = new RegistryApi(registry.baseUrl());
        byte[] manifest = manifestOver(api, "torn");
        CountDownLatch parked = new CountDownLatch(1);
        workers.submit(() -> api.putManifest(
                REPO,
                "torn",
                manifest.length,
                () -> new StallingInputStream(manifest, manifest.length / 2, parked, release)));
        assertThat(parked.await(30, TimeUnit.SECONDS)).isTrue();
        Pause.sleep(Duration.ofMillis(200)); // the half that was sent reaches the registry

        registry.kill();
        release.countDown();

        assertTagAbsentOrComplete("torn", manifest);
    }

    @ParameterizedTest(name = "kill {0} ms after the PUT starts")
    @ValueSource(ints = {0, 1, 3, 6, 12, 25})
    @DisplayName("kill -9 racing a complete manifest PUT leaves the tag absent or pointing at the complete manifest")
    void killRacingManifestPut(int delayMillis) {
        RegistryProcess registry = cleanup.add(kind.start(dataDir));
        RegistryApi api = new RegistryApi(registry.baseUrl());
        String tag = "raced-" + delayMillis;
        byte[] manifest = manifestOver(api, tag);
        workers.submit(() -> api.putManifest(REPO, tag, manifest));
        Pause.sleep(Duration.ofMillis(delayMillis));

        registry.kill();

        assertTagAbsentOrComplete(tag, manifest);
    }

    private void assertTagAbsentOrComplete(String tag, byte[] manifest) {
        RegistryProcess restarted = cleanup.add(kind.start(dataDir));
        RegistryAudit audit = new RegistryAudit(restarted, REPO);
        audit.assertTagAbsentOrPointsTo(tag, Sha256.of(manifest));
        audit.assertEveryTagResolves();
        RegistryAudit.assertNoCorruptBlobOnDisk(dataDir);
        restarted.stop();
    }

    /** First half of the blob in one PATCH, then a second PATCH that stalls halfway. */
    private Object parkInSecondPatch(RegistryApi api, byte[] content, CountDownLatch parked) {
        int half = content.length / 2;
        URI session = api.appendChunk(api.startUpload(REPO), 0, Arrays.copyOf(content, half));
        byte[] rest = Arrays.copyOfRange(content, half, content.length);
        return api.appendChunk(
                session, half, rest.length, () -> new StallingInputStream(rest, rest.length / 2, parked, release));
    }

    /** Uploads a config and a layer and returns a manifest over them, made unique by {@code name}. */
    private static byte[] manifestOver(RegistryApi api, String name) {
        return api.manifestOverNewBlobs(REPO, randomBlob(name.hashCode()), name);
    }

    /** 1 KiB to 2 MiB of reproducible random bytes. */
    private static byte[] randomBlob(long seed) {
        int size = 1024 + new SplittableRandom(seed).nextInt(2 << 20);
        return new PseudoRandomBytes(seed, size).readChunk(size);
    }

    private interface Round {
        void run(int round) throws Exception;
    }

    /** Repeats {@code round} until the kill; a failure before the kill is a finding, one after it is expected. */
    private static void untilKilled(AtomicBoolean killed, Queue<Throwable> failuresBeforeKill, Round round) {
        for (int i = 0; !killed.get(); i++) {
            try {
                round.run(i);
            } catch (Throwable e) {
                if (!killed.get()) {
                    failuresBeforeKill.add(e);
                }
                return;
            }
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int target, Queue<Throwable> failures) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (counter.get() < target && failures.isEmpty() && Instant.now().isBefore(deadline)) {
            Pause.sleep(Duration.ofMillis(20));
        }
        assertThat(failures).as("racing requests failed before the kill").isEmpty();
        assertThat(counter.get())
                .as("uploads the racers finished before the kill")
                .isGreaterThanOrEqualTo(target);
    }
}
