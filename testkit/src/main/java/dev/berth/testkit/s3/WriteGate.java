package dev.berth.testkit.s3;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where held object writes wait (see {@link InProcessS3#holdWrites}), counting how many of them
 * were waiting at once. A write waits at most {@link #LONGEST_WAIT_MINUTES}, so that a test that
 * failed before it opened the gate leaves no server thread waiting for ever.
 */
public final class WriteGate {
    private static final long LONGEST_WAIT_MINUTES = 2;

    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    WriteGate() {}

    void pass() {
        mostAtOnce.accumulateAndGet(waiting.incrementAndGet(), Math::max);
        try {
            opened.await(LONGEST_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Writes waiting at the gate now. */
    public int waiting() {
        return waiting.get();
    }

    /** The most writes that waited at once. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Lets every waiting write and every later one through. */
    public void open() {
        opened.countDown();
    }
}
