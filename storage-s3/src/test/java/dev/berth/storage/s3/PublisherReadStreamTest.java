package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.StorageException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

@DisplayName("an S3 response body read as a Vert.x stream")
class PublisherReadStreamTest {
    private static final int BUFFERS = 200;

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    @DisplayName("hands over every buffer in order, then ends")
    void deliversInOrder() throws Exception {
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<Buffer> read = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Buffer all = Buffer.buffer();
            PublisherReadStream stream = PublisherReadStream.of(context, body);
            stream.endHandler(end -> read.complete(all));
            stream.handler(all::appendBuffer);
        });

        assertThat(read.get(10, TimeUnit.SECONDS).getBytes()).isEqualTo(NumberedBuffers.expected(BUFFERS));
    }

    @Test
    @DisplayName("a body that completes short of the length S3 announced fails, and never ends cleanly")
    void shortBodyFails() throws Exception {
        int whole = NumberedBuffers.expected(BUFFERS).length;
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            PublisherReadStream stream =
                    PublisherReadStream.of(context, body, "the body of a/b", whole + 1L, Duration.ofMinutes(1));
            stream.endHandler(end -> failed.complete(null));
            stream.exceptionHandler(failed::complete);
            stream.handler(buffer -> {});
        });

        assertThat(failed.get(10, TimeUnit.SECONDS))
                .isInstanceOf(StorageException.class)
                .hasMessage(
                        "S3 ended the body of a/b after " + whole + " of the " + (whole + 1) + " bytes it announced");
    }

    @Test
    @DisplayName("a body whose publisher falls silent while buffers are asked for fails after the stall limit")
    void silentBodyFails() throws Exception {
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        Publisher<ByteBuffer> silent = subscriber -> subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        context.runOnContext(ignored -> {
            PublisherReadStream stream =
                    PublisherReadStream.of(context, silent, "the body of a/b", 100, Duration.ofMillis(200));
            stream.endHandler(end -> failed.complete(null));
            stream.exceptionHandler(failed::complete);
            stream.handler(buffer -> {});
        });

        assertThat(failed.get(10, TimeUnit.SECONDS))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("S3 sent nothing of the body of a/b");
    }

    @Test
    @DisplayName("a paused reader is never failed for the buffers it did not ask for")
    void pausedReaderNotFailed() throws Exception {
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        CompletableFuture<PublisherReadStream> paused = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            PublisherReadStream stream = PublisherReadStream.of(
                    context, body, "the body of a/b", NumberedBuffers.expected(BUFFERS).length, Duration.ofMillis(50));
            stream.exceptionHandler(failed::complete);
            stream.endHandler(end -> ended.complete(null));
            stream.handler(buffer -> {});
            stream.pause();
            paused.complete(stream);
        });
        PublisherReadStream stream = paused.get(10, TimeUnit.SECONDS);
        // Several stall limits long: the ticks run meanwhile.
        Thread.sleep(500);

        assertThat(failed).isNotDone();
        context.runOnContext(ignored -> stream.resume());
        ended.get(10, TimeUnit.SECONDS);
        assertThat(failed).isNotDone();
    }

    @Test
    @DisplayName("a body of exactly the announced length ends")
    void announcedLengthEnds() throws Exception {
        int whole = NumberedBuffers.expected(BUFFERS).length;
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            PublisherReadStream stream =
                    PublisherReadStream.of(context, body, "the body of a/b", whole, Duration.ofMinutes(1));
            stream.endHandler(end -> ended.complete(null));
            stream.exceptionHandler(ended::completeExceptionally);
            stream.handler(buffer -> {});
        });

        ended.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("asks the publisher for a window of buffers at a time, not one per round trip")
    void asksAhead() throws Exception {
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            PublisherReadStream stream = PublisherReadStream.of(context, body);
            stream.endHandler(end -> ended.complete(null));
            stream.handler(buffer -> {});
        });
        ended.get(10, TimeUnit.SECONDS);

        assertThat(body.largestRequest()).isGreaterThan(1).isLessThanOrEqualTo(PublisherReadStream.WINDOW);
        assertThat(body.requests()).isLessThan(BUFFERS / 4);
    }

    @Test
    @DisplayName("while paused it holds no more than a window of buffers the reader did not ask for, and resumes")
    void pausedReaderBoundsMemory() throws Exception {
        NumberedBuffers body = new NumberedBuffers(BUFFERS);
        CompletableFuture<PublisherReadStream> paused = new CompletableFuture<>();
        CompletableFuture<Integer> total = new CompletableFuture<>();
        int[] received = {0};
        context.runOnContext(ignored -> {
            PublisherReadStream stream = PublisherReadStream.of(context, body);
            stream.endHandler(end -> total.complete(received[0]));
            stream.handler(buffer -> received[0] += buffer.length());
            stream.pause();
            paused.complete(stream);
        });
        PublisherReadStream stream = paused.get(10, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertThat(body.sent()).isLessThanOrEqualTo(PublisherReadStream.WINDOW);

        context.runOnContext(ignored -> stream.resume());
        assertThat(total.get(10, TimeUnit.SECONDS)).isEqualTo(NumberedBuffers.expected(BUFFERS).length);
    }

    /** A publisher of numbered buffers that emits on a thread of its own as they are requested, as the SDK does. */
    private static final class NumberedBuffers implements Publisher<ByteBuffer> {
        private final int count;
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private long requested;
        private int sent;
        private long largestRequest;
        private int requests;

        NumberedBuffers(int count) {
            this.count = count;
        }

        static byte[] expected(int count) {
            Buffer all = Buffer.buffer();
            for (int i = 0; i < count; i++) {
                all.appendBytes(content(i));
            }
            return all.getBytes();
        }

        private static byte[] content(int i) {
            return ("buffer " + i + ";").repeat(100).getBytes();
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    try {
                        thread.execute(() -> emit(subscriber, n));
                    } catch (RejectedExecutionException afterTheEnd) {
                        // A request after the end is a no-op (Reactive Streams rule 3.6).
                    }
                }

                @Override
                public void cancel() {
                    thread.shutdownNow();
                }
            });
        }

        private void emit(Subscriber<? super ByteBuffer> subscriber, long n) {
            requests++;
            largestRequest = Math.max(largestRequest, n);
            requested += n;
            while (sent < requested && sent < count) {
                subscriber.onNext(ByteBuffer.wrap(content(sent++)));
            }
            if (sent == count && !thread.isShutdown()) {
                thread.shutdown();
                subscriber.onComplete();
            }
        }

        long largestRequest() throws InterruptedException {
            return onItsThread(() -> largestRequest);
        }

        int requests() throws InterruptedException {
            return (int) onItsThread(() -> requests);
        }

        int sent() throws InterruptedException {
            return (int) onItsThread(() -> sent);
        }

        /** Reads its counters where they are written; once it has finished, directly. */
        private long onItsThread(LongSupplier counter) throws InterruptedException {
            if (thread.isShutdown()) {
                thread.awaitTermination(10, TimeUnit.SECONDS);
                return counter.getAsLong();
            }
            try {
                return thread.submit(counter::getAsLong).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
