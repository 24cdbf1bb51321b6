package dev.berth.registry.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Computing work of a request that grows with what the client sent, such as parsing and hashing a
 * manifest of up to 4 MiB (an index of 25,000 children took seconds), run on {@link HashingThreads}
 * and answered on the caller's context, so that the event loop goes on serving meanwhile.
 */
final class OffLoop {
    private OffLoop() {}

    /** The work's value, or its exception as the failure; run in place when the caller is on no Vert.x context. */
    static <T> Future<T> compute(Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            try {
                return Future.succeededFuture(work.get());
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        }
        Promise<T> answer = Promise.promise();
        HashingThreads.POOL.execute(() -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException e) {
                context.runOnContext(ignored -> answer.fail(e));
                return;
            }
            context.runOnContext(ignored -> answer.complete(value));
        });
        return answer.future();
    }
}
