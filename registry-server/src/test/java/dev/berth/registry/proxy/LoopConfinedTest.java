package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** State confined to one event loop, reached from another. */
class LoopConfinedTest {
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final Context home = ((VertxInternal) vertx).createEventLoopContext();
    private final Context away = ((VertxInternal) vertx).createEventLoopContext();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a call answers the work's value on the caller's loop, the work having run on the confined loop")
    void callAnswersOnTheCallersLoop() throws Exception {
        LoopConfined confined = on(home, LoopConfined::here);
        Thread homeThread = on(home, Thread::currentThread);
        Thread awayThread = on(away, Thread::currentThread);
        assertThat(homeThread).isNotSameAs(awayThread);

        CompletableFuture<String> answered = new CompletableFuture<>();
        away.runOnContext(ignored -> confined.call(() -> Thread.currentThread().getName())
                .onComplete(result -> answered.complete(result.result() + " answered on "
                        + Thread.currentThread().getName())));

        assertThat(answered.get(10, TimeUnit.SECONDS))
                .isEqualTo(homeThread.getName() + " answered on " + awayThread.getName());
    }

    @Test
    @DisplayName("a call whose work throws fails on the caller's loop instead of never answering")
    void callWhoseWorkThrowsFails() throws Exception {
        LoopConfined confined = on(home, LoopConfined::here);
        IllegalStateException thrown = new IllegalStateException("the fill is gone");

        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        away.runOnContext(ignored -> confined.<String>call(() -> {
                    throw thrown;
                })
                .onComplete(result -> failed.complete(result.cause())));

        assertThat(failed.get(10, TimeUnit.SECONDS)).isSameAs(thrown);
    }

    private static <T> T on(Context context, Supplier<T> work) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        context.runOnContext(ignored -> value.complete(work.get()));
        return value.get(10, TimeUnit.SECONDS);
    }
}
