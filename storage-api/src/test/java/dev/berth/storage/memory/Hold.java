package dev.berth.storage.memory;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Keeps one operation waiting before it takes effect, so that a test can look at the store, or run
 * something else, while a caller is stuck midway. See {@link Faults#holdNext}.
 */
public final class Hold {
    private final Promise<Void> reached = Promise.promise();
    private final Promise<Void> released = Promise.promise();

    /** Completes once the operation arrived and waits. */
    public Future<Void> reached() {
        return reached.future();
    }

    /** Lets the operation go on. */
    public void release() {
        released.tryComplete();
    }

    /** Called by the held operation: it goes on when the returned future completes. */
    Future<Void> arrive() {
        reached.tryComplete();
        return released.future();
    }
}
