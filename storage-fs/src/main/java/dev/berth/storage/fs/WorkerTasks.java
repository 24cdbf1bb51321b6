package dev.berth.storage.fs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.Callable;

/** Runs file work that has no asynchronous form on Vert.x's worker pool, off the event loop. */
final class WorkerTasks {
    /** File work with nothing to return. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    private final Vertx vertx;

    WorkerTasks(Vertx vertx) {
        this.vertx = vertx;
    }

    // Unordered: tasks of concurrent requests on one event loop must not queue behind each other.

    <T> Future<T> call(Callable<T> task) {
        return vertx.executeBlocking(task, false);
    }

    Future<Void> run(IoAction action) {
        return vertx.executeBlocking(
                () -> {
                    action.run();
                    return null;
                },
                false);
    }
}
