package dev.berth.registry.core;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one asynchronous storage step per item, a bounded number at a time. Thousands of S3 calls
 * issued at once (rebuilding the index of a repository with 5,000 tags) would hold the event loop
 * for seconds while the client signs and queues them all.
 *
 * <p>What the steps find comes back through the returned future ({@link #map}, {@link #flatMap}),
 * never through an {@code onSuccess} of each step that adds to a shared list: such a handler may
 * still be waiting for its turn on another thread when the batch is complete and the list is read
 * (scrub, started from a command's main thread, once saw a store of one blob as empty).
 */
public final class Batches {
    static final int SIZE = 64;

    private Batches() {}

    public static <T> Future<Void> forEach(List<T> items, Function<T, ? extends Future<?>> step) {
        return run(items, step, results -> {});
    }

    /** Each item's result, in the order of {@code items}. */
    public static <T, R> Future<List<R>> map(List<T> items, Function<T, ? extends Future<? extends R>> step) {
        List<R> all = new ArrayList<>(items.size());
        return run(items, step, all::addAll).map(v -> all);
    }

    /** Every item's results, one list after the other in the order of {@code items}. */
    public static <T, R> Future<List<R>> flatMap(
            List<T> items, Function<T, ? extends Future<? extends List<? extends R>>> step) {
        List<R> all = new ArrayList<>();
        return run(items, step, lists -> lists.forEach(all::addAll)).map(v -> all);
    }

    /** Hands each batch's results to {@code results} before the next batch starts, on the chain itself. */
    private static <T, R> Future<Void> run(
            List<T> items, Function<T, ? extends Future<? extends R>> step, Consumer<List<R>> results) {
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < items.size(); from += SIZE) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + SIZE));
            chain = chain.compose(
                    v -> Future.all(batch.stream().map(step).toList()).map(done -> {
                        results.accept(done.list());
                        return null;
                    }));
        }
        return chain;
    }
}
