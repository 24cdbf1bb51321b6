package dev.berth.registry.core;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one asynchronous storage step per item, a bounded number at a time. Thousands of S3 calls
 * issued at once (rebuilding the index of a repository with 5,000 tags) would hold the event loop
 * for seconds while the client signs and queues them all.
 */
public final class Batches {
    static final int SIZE = 64;

    private Batches() {}

    public static <T> Future<Void> forEach(List<T> items, Function<T, Future<?>> step) {
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < items.size(); from += SIZE) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + SIZE));
            chain = chain.compose(
                    v -> Future.all(batch.stream().map(step).toList()).mapEmpty());
        }
        return chain;
    }
}
