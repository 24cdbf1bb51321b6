package dev.berth.storage.memory;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.function.Supplier;

/**
 * Runs one step of the driver the way real storage answers: after the faults had their say, and
 * never at once but on a later turn of the caller's context, so that callers meet the same
 * asynchrony (and the same thread) as with a disk or a bucket.
 *
 * <p>The answer is a future of the context, as Vert.x's own file system gives: a caller that adds
 * a callback after it completed still runs it there, not on its own thread. Otherwise a test thread
 * that chains onto a writer it opened would drive the writer alongside the writer's context.
 */
final class Steps {
    private final Faults faults;

    Steps(Faults faults) {
        this.faults = faults;
    }

    <T> Future<T> run(Context context, Operation operation, Supplier<T> effect, String... paths) {
        Promise<T> done = ((ContextInternal) context).promise();
        faults.before(operation, paths)
                .onComplete(admitted -> context.runOnContext(ignored -> {
                    if (admitted.failed()) {
                        done.fail(admitted.cause());
                        return;
                    }
                    try {
                        done.complete(effect.get());
                    } catch (RuntimeException e) {
                        done.fail(e);
                    }
                }));
        return done.future();
    }
}
