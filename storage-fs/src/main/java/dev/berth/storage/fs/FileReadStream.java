package dev.berth.storage.fs;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.ReadStream;

/**
 * A read of one file that closes its handle once the reader is done with it: after the last
 * byte, after a read error, or when the reader lets go by removing its data handler (which is
 * what a pipe does when the client goes away). Without this, every abandoned download would keep
 * a file descriptor open, or read the rest of the blob into nowhere.
 */
final class FileReadStream implements ReadStream<Buffer> {
    private final AsyncFile file;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean closed;

    FileReadStream(AsyncFile file) {
        this.file = file;
        file.endHandler(ignored -> {
            close();
            if (endHandler != null) {
                endHandler.handle(null);
            }
        });
        file.exceptionHandler(failure -> {
            // A read still in flight when we closed fails: the reader has gone, nobody to tell.
            boolean wasOpen = !closed;
            close();
            if (wasOpen && exceptionHandler != null) {
                exceptionHandler.handle(failure);
            }
        });
    }

    @Override
    public FileReadStream handler(Handler<Buffer> handler) {
        if (handler == null) {
            close();
        } else if (!closed) {
            file.handler(handler);
        }
        return this;
    }

    @Override
    public FileReadStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public FileReadStream endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    @Override
    public FileReadStream pause() {
        if (!closed) {
            file.pause();
        }
        return this;
    }

    @Override
    public FileReadStream resume() {
        if (!closed) {
            file.resume();
        }
        return this;
    }

    @Override
    public FileReadStream fetch(long amount) {
        if (!closed) {
            file.fetch(amount);
        }
        return this;
    }

    private void close() {
        if (!closed) {
            closed = true;
            // Without a data handler AsyncFile stops reading; a read already in flight is dropped.
            file.handler(null);
            // Closing a file opened only for reading loses nothing, so its outcome needs no handling.
            file.close();
        }
    }
}
