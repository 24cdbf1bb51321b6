package dev.berth.storage.memory;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.StoragePath;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import java.util.Arrays;

/**
 * Appends to the content the tree keeps for its path, one write after the other, each on a later
 * turn of its context: writes queue up as they do before a disk or a network, so that a caller
 * meets the same backpressure. Like the real writers, {@link #size()} counts what was accepted,
 * and a failed write fails every later write, {@link #end()} and {@link #commit()}.
 *
 * <p>A writer is driven from one context, like any Vert.x stream, so its state needs no locking.
 */
final class MemoryBlobWriter implements BlobWriter {
    private enum State {
        OPEN,
        ENDED,
        COMMITTED,
        CANCELLED
    }

    private static final int DEFAULT_WRITE_QUEUE_MAX_SIZE = 1 << 20;

    private final Context context;
    private final String path;
    private final Content content;
    private final MemoryTree tree;
    private final Faults faults;
    private final Steps steps;
    private long size;
    /** Set by the first write: from then on {@link #truncate} could cut what this writer wrote. */
    private boolean written;

    private long queued;
    private int writeQueueMaxSize = DEFAULT_WRITE_QUEUE_MAX_SIZE;
    private Handler<Void> drainHandler;
    private Handler<Throwable> exceptionHandler;
    /** Completes once every write so far settled; never fails, failures are in {@link #failure}. */
    private Future<Void> settled;

    private Throwable failure;
    private State state = State.OPEN;

    MemoryBlobWriter(Context context, String path, Content content, MemoryTree tree, Faults faults, Steps steps) {
        this.context = context;
        this.path = path;
        this.content = content;
        this.tree = tree;
        this.faults = faults;
        this.steps = steps;
        this.size = content.size();
        // Of the context, like every step after it, so that callbacks on this chain run there.
        this.settled = ((ContextInternal) context).succeededFuture();
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
        return steps.run(
                context,
                Operation.TRUNCATE,
                () -> {
                    content.truncate(newSize);
                    size = newSize;
                    return null;
                },
                path);
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
        // Copied now: the caller may reuse its buffer once the write returned.
        byte[] bytes = data.getBytes();
        size += bytes.length;
        queued += bytes.length;
        Future<Void> written = settled.compose(ignored -> store(bytes));
        settled = written.otherwiseEmpty();
        return written.andThen(ignored -> {
            queued -= bytes.length;
            drainIfRoom();
        });
    }

    private Future<Void> store(byte[] bytes) {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        return steps.<Void>run(
                        context,
                        Operation.APPEND,
                        () -> {
                            Faults.Allowance allowed = faults.allow(path, bytes.length);
                            content.append(
                                    allowed.bytes() == bytes.length ? bytes : Arrays.copyOf(bytes, allowed.bytes()));
                            if (allowed.failure() != null) {
                                throw allowed.failure();
                            }
                            return null;
                        },
                        path)
                .onFailure(this::failed);
    }

    /** Keeps the content for a later writer to continue. */
    @Override
    public Future<Void> end() {
        if (state != State.OPEN) {
            return notOpen();
        }
        state = State.ENDED;
        return allStored().compose(ignored -> steps.run(context, Operation.END, () -> null, path));
    }

    @Override
    public Future<Void> commit() {
        return commitTo(path);
    }

    @Override
    public Future<Void> commitTo(String target) {
        if (state != State.OPEN) {
            return notOpen();
        }
        try {
            StoragePath.check(target);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        state = State.COMMITTED;
        return allStored()
                .compose(ignored -> steps.run(
                        context,
                        Operation.COMMIT,
                        () -> {
                            tree.commit(path, content, target);
                            return null;
                        },
                        path));
    }

    /** Allowed in any state, so that a caller can clean up after a failed write or commit. */
    @Override
    public Future<Void> cancel() {
        state = State.CANCELLED;
        return settled.compose(ignored -> steps.run(
                context,
                Operation.CANCEL,
                () -> {
                    tree.discardPending(path);
                    return null;
                },
                path));
    }

    @Override
    public MemoryBlobWriter exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public MemoryBlobWriter setWriteQueueMaxSize(int maxSize) {
        this.writeQueueMaxSize = maxSize;
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return queued >= writeQueueMaxSize;
    }

    @Override
    public MemoryBlobWriter drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        return this;
    }

    /** As Vert.x's own streams do: called once, when the queue fell to half its limit. */
    private void drainIfRoom() {
        if (drainHandler != null && queued <= writeQueueMaxSize / 2) {
            Handler<Void> handler = drainHandler;
            drainHandler = null;
            handler.handle(null);
        }
    }

    private Future<Void> allStored() {
        return settled.compose(ignored -> failure == null ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
            if (exceptionHandler != null) {
                exceptionHandler.handle(cause);
            }
        }
    }

    private Future<Void> notOpen() {
        return Future.failedFuture(new IllegalStateException(
                "writer for " + path + " is already " + state.name().toLowerCase()));
    }
}
