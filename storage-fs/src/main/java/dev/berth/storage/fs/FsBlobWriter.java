package dev.berth.storage.fs;

import dev.berth.storage.BlobWriter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends to a hidden partial file beside the target, so nothing is visible at the path until
 * {@link #commit()} renames the partial onto it (or {@link #commitTo} onto another path). The partial outlives {@link #end()}: that is what
 * lets a later {@code writer(path, true)}, on this node or another sharing the disk, resume it.
 *
 * <p>A writer is driven from one context, like any Vert.x stream, so its state needs no locking.
 */
final class FsBlobWriter implements BlobWriter {
    /**
     * Bytes of writes in flight before the writer reports itself full. Vert.x's 128 KiB was filled by
     * two 64 KiB request buffers (the most the server decodes at once): the request was paused every
     * other buffer until a write finished, so receiving and writing took turns instead of overlapping.
     */
    static final int WRITE_QUEUE_BYTES = 1 << 20;

    private enum State {
        OPEN,
        ENDED,
        COMMITTED,
        CANCELLED
    }

    private final WorkerTasks workers;
    private final String path;
    private final Path target;
    private final Path partial;
    private final FsLayout layout;
    private final AsyncFile file;
    private final EarlySync earlySync;
    private long size;
    /** Set by the first write: from then on {@link #truncate} could cut what this writer wrote. */
    private boolean written;
    /** The first failed write: later writes, end and commit fail with it. */
    private Throwable failure;

    private State state = State.OPEN;
    private Future<Void> closing;

    private FsBlobWriter(WorkerTasks workers, String path, Path target, Path partial, FsLayout layout, AsyncFile file) {
        this.workers = workers;
        this.path = path;
        this.target = target;
        this.partial = partial;
        this.layout = layout;
        this.file = file;
        this.earlySync = new EarlySync(file::flush, this::failed);
        file.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        // Opened for append, Vert.x starts writing at the end of what an earlier writer left.
        this.size = file.getWritePos();
    }

    /** Opens the partial file of {@code target}, continuing it when {@code append}, emptying it otherwise. */
    static Future<BlobWriter> open(
            FileSystem fs, WorkerTasks workers, String path, Path target, FsLayout layout, boolean append) {
        Path partial = FsLayout.partialOf(target);
        OpenOptions options = new OpenOptions()
                .setRead(false)
                .setWrite(true)
                .setCreate(true)
                .setAppend(append)
                .setTruncateExisting(!append);
        String dir = partial.getParent().toString();
        // A delete beside it may remove the directory as empty between the two steps: then once more.
        return fs.mkdirs(dir)
                .compose(ignored -> fs.open(partial.toString(), options))
                .recover(e -> FsErrors.isNoSuchFile(e)
                        ? fs.mkdirs(dir).compose(ignored -> fs.open(partial.toString(), options))
                        : Future.failedFuture(e))
                .map(file -> new FsBlobWriter(workers, path, target, partial, layout, file));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Future<Void> truncate(long newSize) {
        if (state != State.OPEN) {
            return notOpen();
        }
        if (written || newSize < 0 || newSize > size) {
            return Future.failedFuture(new IllegalStateException("cannot cut " + path + " to " + newSize
                    + " bytes: it holds " + size + (written ? " and was written to" : "")));
        }
        return workers.run(() -> {
                    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                        channel.truncate(newSize);
                    }
                })
                .onSuccess(ignored -> {
                    size = newSize;
                    file.setWritePos(newSize);
                })
                .recover(FsErrors.on(path));
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (state != State.OPEN) {
            return notOpen();
        }
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        written = true;
        size += data.length();
        Future<Void> write = file.write(data).onFailure(this::failed).recover(FsErrors.on(path));
        earlySync.written(data.length());
        return write;
    }

    /**
     * Closes the partial file and keeps it for a later writer to continue. Fails after a failed
     * write: the file then holds an unknown part of what was written, and only a caller that
     * cuts it back (see {@link #truncate}) knows what it holds.
     */
    @Override
    public Future<Void> end() {
        if (state != State.OPEN) {
            return notOpen();
        }
        state = State.ENDED;
        return closeAfterWrites().recover(FsErrors.on(path));
    }

    @Override
    public Future<Void> commit() {
        if (state != State.OPEN) {
            return notOpen();
        }
        state = State.COMMITTED;
        // Close first: it waits for writes in flight, which AsyncFile.flush() would not.
        return closeAfterWrites()
                .compose(ignored -> workers.run(() -> BlockingFileOps.syncAndRename(partial, target)))
                .recover(FsErrors.on(path));
    }

    /** The partial is renamed onto the other path's file, its directories made as needed. */
    @Override
    public Future<Void> commitTo(String otherPath) {
        if (state != State.OPEN) {
            return notOpen();
        }
        Path other;
        try {
            other = layout.resolve(otherPath);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        state = State.COMMITTED;
        return closeAfterWrites()
                .compose(ignored -> workers.run(() -> {
                    BlockingFileOps.sync(partial);
                    BlockingFileOps.moveCreatingParents(partial, other, layout.root());
                }))
                .recover(FsErrors.on(path));
    }

    /** Allowed in any state, so that a caller can clean up after a failed write or commit. */
    @Override
    public Future<Void> cancel() {
        state = State.CANCELLED;
        return close().transform(closed -> workers.run(() -> {
                    Files.deleteIfExists(partial);
                    BlockingFileOps.removeEmptyParents(partial, layout.root());
                }))
                .recover(FsErrors.on(path));
    }

    @Override
    public FsBlobWriter exceptionHandler(Handler<Throwable> handler) {
        file.exceptionHandler(handler);
        return this;
    }

    @Override
    public FsBlobWriter setWriteQueueMaxSize(int maxSize) {
        file.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return file.writeQueueFull();
    }

    @Override
    public FsBlobWriter drainHandler(Handler<Void> handler) {
        file.drainHandler(handler);
        return this;
    }

    /** Closes the file once the writes in flight settled; fails when one of them failed. */
    private Future<Void> closeAfterWrites() {
        return close().compose(
                        ignored -> failure == null ? Future.<Void>succeededFuture() : Future.failedFuture(failure));
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = FsErrors.translate(cause, path);
        }
    }

    /**
     * AsyncFile throws when closed twice; every way out of this writer goes through here once. A
     * sync still running would fail on the closed file.
     */
    private Future<Void> close() {
        if (closing == null) {
            closing = earlySync.settled().compose(ignored -> file.close());
        }
        return closing;
    }

    private Future<Void> notOpen() {
        return Future.failedFuture(new IllegalStateException(
                "writer for " + path + " is already " + state.name().toLowerCase()));
    }
}
