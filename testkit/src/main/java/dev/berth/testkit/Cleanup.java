package dev.berth.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a test started, newest first (a registry before the directory it serves from,
 * a daemon before its scratch directory), and keeps going when one close fails so that no
 * process outlives a failed test.
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cleanup failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
