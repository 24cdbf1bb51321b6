package dev.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The soak's load: {@code clients} threads that push (30 %), pull whole (50 %) and delete (20 %)
 * images in a handful of repositories, and one thread that asks the admin API for a garbage
 * collection at a steady pace. Once {@code maxLive} images are live, pushes turn into deletes, so
 * the store reaches a steady size and any growth of the registry is its own.
 */
final class SoakLoad {
    private static final int REPOSITORIES = 8;

    private final RegistryApi api;
    private final RegistryClient client;
    private final SoakOperations operations;
    private final SoakImages images;
    private final Ledger ledger;
    private final SoakTally tally;
    private final int maxLive;
    private final AtomicLong tags = new AtomicLong();
    /**
     * Held shared by every operation and exclusively while the registry is sampled: a sample then
     * sees what the registry keeps, not what the requests in flight hold. Fair, so that a waiting
     * sample holds off new operations.
     */
    private final ReentrantReadWriteLock quiet = new ReentrantReadWriteLock(true);

    SoakLoad(RegistryApi api, RegistryClient client, SoakImages images, Ledger ledger, SoakTally tally, int maxLive) {
        this.api = api;
        this.client = client;
        this.operations = new SoakOperations(api, client);
        this.images = images;
        this.ledger = ledger;
        this.tally = tally;
        this.maxLive = maxLive;
    }

    /** Runs the clients and the collector until {@code deadlineNanos}; returns once all of them stopped. */
    void run(int clients, long deadlineNanos, long gcEveryNanos, long seed) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            threads.add(new Thread(
                    () -> {
                        while (System.nanoTime() < deadlineNanos) {
                            step(random);
                        }
                    },
                    "soak-client-" + i));
        }
        threads.add(new Thread(
                () -> {
                    for (long next = System.nanoTime() + gcEveryNanos; next < deadlineNanos; next += gcEveryNanos) {
                        if (!sleepUntil(next)) {
                            return;
                        }
                        quiet.readLock().lock();
                        try {
                            collect();
                        } finally {
                            quiet.readLock().unlock();
                        }
                    }
                },
                "soak-gc"));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void step(SplittableRandom random) {
        quiet.readLock().lock();
        try {
            int roll = random.nextInt(100);
            if (roll < 30 && ledger.size() < maxLive) {
                push(random);
            } else if (roll < 80) {
                pull(random);
            } else {
                delete(random);
            }
        } finally {
            quiet.readLock().unlock();
        }
    }

    /** Runs {@code sample} once every operation in flight has finished, and before any new one starts. */
    <T> T whileQuiet(Supplier<T> sample) {
        quiet.writeLock().lock();
        try {
            return sample.get();
        } finally {
            quiet.writeLock().unlock();
        }
    }

    private void push(SplittableRandom random) {
        String repository = "soak/repo" + random.nextInt(REPOSITORIES);
        String tag = "t" + tags.incrementAndGet();
        try {
            ledger.accepted(images.push(api, client, random, repository, tag));
            tally.pushes.incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
            tally.error("push " + repository + ":" + tag, e);
        }
    }

    private void pull(SplittableRandom random) {
        ledger.pullRandom(random, image -> {
            try {
                tally.bytesPulled.addAndGet(operations.pullWhole(image));
                tally.pulls.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                tally.error("pull " + image.repository() + ":" + image.tag(), e);
            }
        });
    }

    private void delete(SplittableRandom random) {
        ledger.deleteRandom(random, image -> {
            try {
                operations.delete(image);
                tally.deletes.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                tally.error("delete " + image.repository() + ":" + image.tag(), e);
            }
        });
    }

    /** One online collection through the admin API: 200 with its report, or 429 while another runs. */
    void collect() {
        try {
            Reply reply = SoakFailure.expect(
                    client.post(
                            "/_berth/admin/gc",
                            "{}".getBytes(StandardCharsets.UTF_8),
                            "Content-Type",
                            "application/json"),
                    "garbage collection",
                    200,
                    429);
            if (reply.status() == 429) {
                tally.gcBusy.incrementAndGet();
                return;
            }
            JsonNode report = reply.json();
            tally.gcRuns.incrementAndGet();
            tally.blobsCollected.addAndGet(report.path("blobsDeleted").asLong());
            tally.bytesFreed.addAndGet(report.path("bytesFreed").asLong());
        } catch (RuntimeException | AssertionError e) {
            tally.error("garbage collection", e);
        }
    }

    private static boolean sleepUntil(long nanos) {
        try {
            long wait = nanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
