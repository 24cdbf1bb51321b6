package dev.berth.storage.s3;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** A stream that ends as soon as its reader reads, for ranges that hold no bytes. */
final class EmptyReadStream implements ReadStream<Buffer> {
    private final Context context;
    private Handler<Void> endHandler;
    private boolean reading;
    private boolean paused;
    private boolean ended;

    EmptyReadStream(Context context) {
        this.context = context;
    }

    @Override
    public EmptyReadStream handler(Handler<Buffer> handler) {
        reading = handler != null;
        endIfRead();
        return this;
    }

    @Override
    public EmptyReadStream exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public EmptyReadStream pause() {
        paused = true;
        return this;
    }

    @Override
    public EmptyReadStream resume() {
        paused = false;
        endIfRead();
        return this;
    }

    @Override
    public EmptyReadStream fetch(long amount) {
        return resume();
    }

    @Override
    public EmptyReadStream endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    /** The end is signalled later on the context, as streams do, never inside the reader's own call. */
    private void endIfRead() {
        if (reading && !paused && !ended) {
            ended = true;
            context.runOnContext(ignored -> {
                if (endHandler != null) {
                    endHandler.handle(null);
                }
            });
        }
    }
}
