package dev.berth.registry.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The event loop that some state lives on, for code on other loops to reach it. The registry serves
 * connections on every event loop, but a blob fill is shared by all clients that pull the blob
 * meanwhile, wherever their connections are: its state stays on the loop that started it, each
 * client's stream on that client's loop, and they talk through this.
 */
final class LoopConfined {
    private final Context context;
    private final Thread thread;

    private LoopConfined(Context context, Thread thread) {
        this.context = context;
        this.thread = thread;
    }

    /** The event loop the caller runs on. */
    static LoopConfined here() {
        Context context = Objects.requireNonNull(Vertx.currentContext(), "not on a Vert.x event loop");
        return new LoopConfined(context, Thread.currentThread());
    }

    Vertx vertx() {
        return context.owner();
    }

    /** Runs {@code action} on this loop: at once when the caller is on it, else as the loop's next task. */
    void run(Runnable action) {
        if (Thread.currentThread() == thread) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /**
     * {@code work}'s value, computed on this loop and answered on the caller's; the future fails
     * with what {@code work} threw, rather than never completing.
     */
    <T> Future<T> call(Supplier<T> work) {
        LoopConfined caller = here();
        Promise<T> answer = Promise.promise();
        run(() -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException failure) {
                caller.run(() -> answer.fail(failure));
                return;
            }
            caller.run(() -> answer.complete(value));
        });
        return answer.future();
    }

    /** {@code future}'s outcome, handed to its listeners on this loop whichever thread completes it. */
    <T> Future<T> adopt(Future<T> future) {
        Promise<T> adopted = Promise.promise();
        future.onComplete((AsyncResult<T> outcome) -> run(() -> adopted.handle(outcome)));
        return adopted.future();
    }
}
