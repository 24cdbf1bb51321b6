package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the soak's clients did and what went wrong, counted as they go. */
final class SoakTally {
    private static final int KEPT_ERRORS = 20;

    final AtomicLong pushes = new AtomicLong();
    final AtomicLong pulls = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong gcRuns = new AtomicLong();
    final AtomicLong gcBusy = new AtomicLong();
    final AtomicLong blobsCollected = new AtomicLong();
    final AtomicLong bytesFreed = new AtomicLong();
    final AtomicLong bytesPulled = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();

    void error(String operation, Throwable failure) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(operation + ": " + failure);
            }
        }
        System.err.println("soak: " + operation + " failed: " + failure);
    }

    long errors() {
        return errors.get();
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }
}
