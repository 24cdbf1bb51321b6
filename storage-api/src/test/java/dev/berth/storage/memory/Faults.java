package dev.berth.storage.memory;

import dev.berth.storage.StorageException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an {@link InMemoryStorageDriver} is told to do wrong, so that a test can show what happens
 * above it when storage fails midway. Each fault names an {@link Operation} and, optionally, a
 * path: it then applies to that path and everything beneath it. The first fault that matches a
 * call decides it; a failing call changes nothing in the store.
 *
 * <pre>{@code
 * driver.faults().failNext(Operation.MOVE, new IOException("disk full"));
 * driver.faults().failAlways(Operation.READ_STREAM, blobPath, new IOException("bad sector"));
 * driver.faults().failWritesAfter(uploadPath, 1000, new IOException("disk full"));
 * Hold hold = driver.faults().holdNext(Operation.COMMIT, uploadPath);
 * }</pre>
 *
 * <p>A failure that is not already one of the SPI's exceptions reaches the caller as a
 * {@link StorageException} caused by it, as a real driver reports an I/O error.
 */
public final class Faults {
    /** Matches {@code operation} on {@code path} and beneath it, or on any path when {@code path} is null. */
    private record Rule(Operation operation, String path, boolean once, Supplier<Future<Void>> effect) {
        boolean matches(Operation called, String[] paths) {
            if (called != operation) {
                return false;
            }
            if (path == null) {
                return true;
            }
            for (String candidate : paths) {
                if (within(candidate, path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How many more bytes writers under {@code path} may store before their write fails. */
    private static final class WriteLimit {
        final String path;
        final RuntimeException failure;
        long left;

        WriteLimit(String path, long left, RuntimeException failure) {
            this.path = path;
            this.left = left;
            this.failure = failure;
        }
    }

    /** The part of a buffer a blob writer stores, and the failure it then reports, if any. */
    record Allowance(int bytes, RuntimeException failure) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<WriteLimit> writeLimits = new ArrayList<>();

    /** The next {@code operation}, on whatever path, fails with {@code failure}. */
    public Faults failNext(Operation operation, Throwable failure) {
        return add(new Rule(operation, null, true, failing(failure)));
    }

    /** The next {@code operation} on {@code path} or beneath it fails with {@code failure}. */
    public Faults failNext(Operation operation, String path, Throwable failure) {
        return add(new Rule(operation, path, true, failing(failure)));
    }

    /** Every {@code operation} on {@code path} or beneath it fails with {@code failure}, until {@link #clear()}. */
    public Faults failAlways(Operation operation, String path, Throwable failure) {
        return add(new Rule(operation, path, false, failing(failure)));
    }

    /**
     * Blob writers on {@code path} or beneath it store {@code bytes} more bytes, counted from now;
     * the write that goes past them stores its first part only and fails with {@code failure}, as
     * on a disk that filled up. A writer whose write failed fails every later write, end and commit.
     */
    public synchronized Faults failWritesAfter(String path, long bytes, Throwable failure) {
        writeLimits.add(new WriteLimit(path, bytes, storageFailure(failure)));
        return this;
    }

    /** The next {@code operation} on {@code path} or beneath it waits, before it takes effect, until the hold is released. */
    public Hold holdNext(Operation operation, String path) {
        Hold hold = new Hold();
        add(new Rule(operation, path, true, hold::arrive));
        return hold;
    }

    /** Forgets every fault not yet used up. An operation already held stays held until released. */
    public synchronized void clear() {
        rules.clear();
        writeLimits.clear();
    }

    /** What the call of {@code operation} on {@code paths} meets: success, a failure, or a wait. */
    synchronized Future<Void> before(Operation operation, String... paths) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(operation, paths)) {
                if (rule.once()) {
                    it.remove();
                }
                return rule.effect().get();
            }
        }
        return Future.succeededFuture();
    }

    /** How much of a {@code length}-byte write to {@code path} a blob writer stores. */
    synchronized Allowance allow(String path, int length) {
        for (Iterator<WriteLimit> it = writeLimits.iterator(); it.hasNext(); ) {
            WriteLimit limit = it.next();
            if (within(path, limit.path)) {
                if (length <= limit.left) {
                    limit.left -= length;
                    return new Allowance(length, null);
                }
                it.remove();
                return new Allowance((int) limit.left, limit.failure);
            }
        }
        return new Allowance(length, null);
    }

    private synchronized Faults add(Rule rule) {
        rules.add(rule);
        return this;
    }

    private static Supplier<Future<Void>> failing(Throwable failure) {
        RuntimeException reported = storageFailure(failure);
        return () -> Future.failedFuture(reported);
    }

    private static RuntimeException storageFailure(Throwable failure) {
        if (failure instanceof StorageException
                || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException) {
            return (RuntimeException) failure;
        }
        return new StorageException("injected failure: " + failure.getMessage(), failure);
    }

    private static boolean within(String path, String tree) {
        return path.equals(tree) || path.startsWith(tree + "/");
    }
}
