package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Storage steps in batches")
class BatchesTest {
    private static final List<Integer> ITEMS =
            IntStream.range(0, 2 * Batches.SIZE + 10).boxed().toList();

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("map answers each item's result in the items' order, whatever order the steps end in")
    void mapKeepsOrder() {
        List<Integer> squares = Await.result(Batches.map(ITEMS, item -> later(item, item * item)));

        assertThat(squares)
                .containsExactlyElementsOf(
                        ITEMS.stream().map(item -> item * item).toList());
    }

    @Test
    @DisplayName("flatMap answers every item's results one list after the other")
    void flatMapConcatenates() {
        List<Integer> found = Await.result(Batches.flatMap(ITEMS, item -> later(item, List.of(item, -item))));

        assertThat(found)
                .hasSize(2 * ITEMS.size())
                .startsWith(0, 0, 1, -1)
                .endsWith(ITEMS.size() - 1, 1 - ITEMS.size());
    }

    @Test
    @DisplayName("runs at most a batch of steps at once, and every step")
    void bounded() {
        AtomicInteger ran = new AtomicInteger();

        // Started on the event loop, as the registry runs it: no timer of the first batch fires while it starts.
        Await.result(onEventLoop(() -> Batches.forEach(ITEMS, item -> later(item, ran.incrementAndGet()))));

        assertThat(ran).hasValue(ITEMS.size());
        assertThat(mostAtOnce.get()).isEqualTo(Batches.SIZE);
    }

    @Test
    @DisplayName("fails with the first failure of a step, and starts no later batch")
    void failure() {
        AtomicInteger started = new AtomicInteger();

        Throwable failure = Await.failure(Batches.map(ITEMS, item -> {
            started.incrementAndGet();
            return item == 3 ? Future.failedFuture(new IllegalStateException("step 3")) : later(item, item);
        }));

        assertThat(failure).hasMessage("step 3");
        assertThat(started).hasValue(Batches.SIZE);
    }

    private <T> Future<T> onEventLoop(Supplier<Future<T>> call) {
        Promise<T> answer = Promise.promise();
        vertx.getOrCreateContext().runOnContext(ignored -> call.get().onComplete(answer));
        return answer.future();
    }

    /** {@code value}, answered on a timer: later items of a batch end first. */
    private <T> Future<T> later(int item, T value) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        Promise<T> answer = Promise.promise();
        vertx.setTimer(1 + (Batches.SIZE - item % Batches.SIZE), id -> {
            running.decrementAndGet();
            answer.complete(value);
        });
        return answer.future();
    }
}
