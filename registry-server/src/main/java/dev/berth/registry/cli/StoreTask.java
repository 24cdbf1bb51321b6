package dev.berth.registry.cli;

import dev.berth.registry.BerthVertx;
import dev.berth.registry.LaunchException;
import dev.berth.registry.StorageDrivers;
import dev.berth.registry.config.StorageConfig;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

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
                return task.apply(vertx, driver)
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
}
