package dev.berth.storage.testkit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.security.MessageDigest;
import java.util.Iterator;

/**
 * Drives streams the way the registry does. Call these from a callback of the future that gave
 * the stream (for example in {@code compose}), so that they run on the stream's context.
 */
public final class Streams {
    private Streams() {}

    /** Everything the stream delivers, once it has ended. */
    public static Future<Buffer> collect(ReadStream<Buffer> stream) {
        Buffer all = Buffer.buffer();
        return consume(stream, all::appendBuffer).map(all);
    }

    /** Like {@link #collect} but pauses after every buffer and resumes a moment later. */
    public static Future<Buffer> collectPausing(Vertx vertx, ReadStream<Buffer> stream) {
        Buffer all = Buffer.buffer();
        return consume(stream, chunk -> {
                    all.appendBuffer(chunk);
                    stream.pause();
                    vertx.setTimer(1, ignored -> stream.resume());
                })
                .map(all);
    }

    /** The SHA-256 of everything the stream delivers, without holding it. */
    public static Future<byte[]> sha256(ReadStream<Buffer> stream) {
        MessageDigest digest = TestContent.sha256();
        return consume(stream, chunk -> digest.update(chunk.getBytes())).map(ignored -> digest.digest());
    }

    /**
     * Writes every chunk, waiting for the drain handler whenever the write queue is full, as a
     * well-behaved HTTP upload does. Completes with how often it had to wait.
     */
    public static Future<Integer> pump(WriteStream<Buffer> out, Iterable<Buffer> chunks) {
        return new Pump(out, chunks.iterator()).start();
    }

    private static Future<Void> consume(ReadStream<Buffer> stream, Handler<Buffer> onChunk) {
        Promise<Void> ended = Promise.promise();
        stream.exceptionHandler(ended::tryFail);
        stream.endHandler(ignored -> ended.tryComplete());
        stream.handler(onChunk);
        return ended.future();
    }

    private static final class Pump {
        private final WriteStream<Buffer> out;
        private final Iterator<Buffer> chunks;
        private final Promise<Integer> done = Promise.promise();
        private int waits;
        private int pending;

        Pump(WriteStream<Buffer> out, Iterator<Buffer> chunks) {
            this.out = out;
            this.chunks = chunks;
        }

        Future<Integer> start() {
            writeUntilFull();
            return done.future();
        }

        private void writeUntilFull() {
            while (chunks.hasNext()) {
                if (out.writeQueueFull()) {
                    waits++;
                    out.drainHandler(ignored -> {
                        out.drainHandler(null);
                        writeUntilFull();
                    });
                    return;
                }
                pending++;
                out.write(chunks.next()).onComplete(this::written, done::tryFail);
            }
            completeWhenWritten();
        }

        private void written(Void ignored) {
            pending--;
            completeWhenWritten();
        }

        /** Only when every write has landed, so that a failure of the last one still fails the pump. */
        private void completeWhenWritten() {
            if (!chunks.hasNext() && pending == 0) {
                done.tryComplete(waits);
            }
        }
    }
}
