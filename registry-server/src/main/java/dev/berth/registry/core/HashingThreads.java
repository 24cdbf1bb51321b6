package dev.berth.registry.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads uploads are hashed on, and manifests parsed and hashed ({@link OffLoop}). Hashing is
 * the most expensive thing a push does (SHA-256 runs below 200 MB/s a core on the machines we
 * measure), so it must neither hold up the event loop that receives the bytes nor wait for it: off
 * the loop, receiving, hashing and writing overlap. One thread per core; daemons, since what they
 * hold is at most one buffer's hash or one manifest's parse each.
 */
final class HashingThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "berth-hash-" + COUNT.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private HashingThreads() {}
}
