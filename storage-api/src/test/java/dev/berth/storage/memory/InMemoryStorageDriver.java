package dev.berth.storage.memory;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.StoragePath;
import dev.berth.storage.testkit.ChunkReadStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * A storage driver that keeps everything in memory, for tests: it passes the same contract as the
 * real drivers, so that the registry core can be tested on it without a disk, a bucket or an HTTP
 * server, and its {@link #faults()} make chosen operations fail or wait.
 *
 * <p>Safe to call from any thread. Every answer comes asynchronously, on the caller's context, as
 * from real storage; read streams and blob writers push back as real ones do, and a blob is never
 * held twice: content is kept in the chunks it arrived in, and streams copy only the piece they
 * hand out.
 */
public final class InMemoryStorageDriver implements StorageDriver {
    /** As much as a file read hands out at once: a reader may pause between any two. */
    private static final int STREAM_PIECE_SIZE = 64 * 1024;

    private final Vertx vertx;
    private final MemoryTree tree;
    private final Faults faults = new Faults();
    private final Steps steps = new Steps(faults);

    public InMemoryStorageDriver(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    /**
     * Stamps modification times with {@code clock}: one set back makes what is written look as old
     * as a garbage collector's grace period asks.
     */
    public InMemoryStorageDriver(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.tree = new MemoryTree(clock);
    }

    /** The faults this driver is told to inject; there are none until a test adds some. */
    public Faults faults() {
        return faults;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public Future<Buffer> read(String path) {
        return run(Operation.READ, () -> tree.read(path), path);
    }

    @Override
    public Future<Void> write(String path, Buffer content) {
        Content copy = Content.copyOf(content);
        return run(
                Operation.WRITE,
                () -> {
                    tree.write(path, copy);
                    return null;
                },
                path);
    }

    @Override
    public Future<ReadStream<Buffer>> readStream(String path, long offset, long length) {
        if (offset < 0) {
            return Future.failedFuture(new IllegalArgumentException("negative offset " + offset + " for " + path));
        }
        Context context = vertx.getOrCreateContext();
        return run(
                context,
                Operation.READ_STREAM,
                () -> new ChunkReadStream(context, tree.content(path).pieces(offset, length, STREAM_PIECE_SIZE)),
                path);
    }

    @Override
    public Future<FileInfo> stat(String path) {
        return run(Operation.STAT, () -> tree.stat(path), path);
    }

    @Override
    public Future<List<String>> list(String path) {
        return run(Operation.LIST, () -> tree.list(path), path);
    }

    @Override
    public Future<Void> move(String from, String to) {
        return run(
                Operation.MOVE,
                () -> {
                    tree.move(from, to);
                    return null;
                },
                from,
                to);
    }

    @Override
    public Future<Void> delete(String path) {
        return run(
                Operation.DELETE,
                () -> {
                    tree.delete(path);
                    return null;
                },
                path);
    }

    @Override
    public Future<BlobWriter> writer(String path, boolean append) {
        Context context = vertx.getOrCreateContext();
        return run(
                context,
                Operation.OPEN_WRITER,
                () -> new MemoryBlobWriter(context, path, tree.openPending(path, append), tree, faults, steps),
                path);
    }

    private <T> Future<T> run(Operation operation, Supplier<T> effect, String... paths) {
        return run(vertx.getOrCreateContext(), operation, effect, paths);
    }

    /**
     * Checks the paths before anything else, as every driver must, then runs the step on
     * {@code context}: the one a stream or writer it makes is driven from, for Vert.x may give a
     * thread outside Vert.x a new context on every call.
     */
    private <T> Future<T> run(Context context, Operation operation, Supplier<T> effect, String... paths) {
        try {
            for (String path : paths) {
                StoragePath.check(path);
            }
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return steps.run(context, operation, effect, paths);
    }
}
