package dev.berth.storage.testkit;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits on a future from the test thread, so that tests read top to bottom like the contract. */
public final class Await {
    /** Generous: a timeout here means a hung driver, not a slow one. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Await() {}

    /** The value of a future that must succeed. */
    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, but the future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
    }

    /** Returns once {@code condition} holds, checking it every few milliseconds; fails after {@link #TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    /** The cause of a future that must fail. */
    public static Throwable failure(Future<?> future) {
        Object value;
        try {
            value = future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
        throw new AssertionError("expected failure, but the future succeeded with " + value);
    }
}
