package dev.berth.registry.cli;

import dev.berth.registry.BerthVertx;
import dev.berth.registry.LaunchException;
import dev.berth.registry.StorageDrivers;
import dev.berth.registry.config.StorageConfig;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** One job over a store from the command line (gc, scrub): open the storage, run, wait, close. */
final class StoreTask {
    private StoreTask() {}

    /**
     * Runs {@code task} and waits for it on the command's main thread, where blocking is right.
     *
     * @throws LaunchException when the storage cannot be opened or the task fails, saying which ({@code what})
     */
    static <T> T run(StorageConfig storage, String what, BiFunction<Vertx, StorageDriver, Future<T>> task)
            throws LaunchException, InterruptedException {
        Vertx vertx = BerthVertx.create();
        try {
            StorageDriver driver = StorageDrivers.open(vertx, storage);
            try {
                return onEventLoop(vertx, () -> task.apply(vertx, driver))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get();
            } finally {
                driver.close();
            }
        } catch (ExecutionException e) {
            throw new LaunchException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            vertx.close();
        }
    }

    /**
     * Starts the task on an event loop, as the server runs it, so that its steps are called back on
     * that one thread. Begun on the main thread, which has no context, each storage call made there
     * got a context of its own, and a step's handlers could run on two threads at once (scrub once
     * counted a store of one blob as empty; {@link dev.berth.registry.core.Batches} says how).
     */
    private static <T> Future<T> onEventLoop(Vertx vertx, Supplier<Future<T>> task) {
        Promise<T> result = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> {
            try {
                task.get().onComplete(result);
            } catch (RuntimeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }
}
