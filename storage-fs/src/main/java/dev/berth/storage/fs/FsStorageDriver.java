package dev.berth.storage.fs;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores each path as the same relative file under a root directory, in the layout registry:2
 * uses, so either can serve the other's data.
 *
 * <p>Single-step operations use Vert.x's asynchronous file system; multi-step ones run as one
 * worker task each ({@link BlockingFileOps}). Neither blocks the event loop.
 *
 * <p>Symbolic links inside the root are followed: only someone who can already write the root
 * can place one (the driver never creates links and storage paths cannot name "..") and an
 * operator may well link a directory onto another disk. Writes and deletes never reach through a
 * link, though: a write renames a new file over the link itself, a delete removes the link.
 */
public final class FsStorageDriver implements StorageDriver {
    /** Larger reads mean fewer worker hops per blob; this size keeps memory per open stream small. */
    private static final int READ_BUFFER_SIZE = 256 * 1024;

    private final FileSystem fs;
    private final WorkerTasks workers;
    private final FsLayout layout;

    public FsStorageDriver(Vertx vertx, Path root) {
        this.fs = vertx.fileSystem();
        this.workers = new WorkerTasks(vertx);
        this.layout = new FsLayout(root);
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public Future<Buffer> read(String path) {
        return resolve(path).compose(file -> fs.readFile(file.toString())).recover(FsErrors.on(path));
    }

    @Override
    public Future<Void> write(String path, Buffer content) {
        return writeAtomically(path, content, true);
    }

    /** Without the fsync, which costs more than the rest of a small write on most disks. */
    @Override
    public Future<Void> writeEphemeral(String path, Buffer content) {
        return writeAtomically(path, content, false);
    }

    private Future<Void> writeAtomically(String path, Buffer content, boolean sync) {
        return resolve(path)
                .compose(file -> workers.run(() -> BlockingFileOps.writeAtomically(file, content.getBytes(), sync)))
                .recover(FsErrors.on(path));
    }

    @Override
    public Future<ReadStream<Buffer>> readStream(String path, long offset, long length) {
        if (offset < 0) {
            return Future.failedFuture(new IllegalArgumentException("negative offset " + offset + " for " + path));
        }
        OpenOptions readOnly = new OpenOptions().setRead(true).setWrite(false).setCreate(false);
        return resolve(path)
                .compose(file -> fs.open(file.toString(), readOnly))
                .<ReadStream<Buffer>>map(file -> {
                    file.setReadBufferSize(READ_BUFFER_SIZE).setReadPos(offset);
                    if (length >= 0) {
                        file.setReadLength(length);
                    }
                    return new FileReadStream(file);
                })
                .recover(FsErrors.on(path));
    }

    @Override
    public Future<FileInfo> stat(String path) {
        return resolve(path)
                .compose(file -> fs.props(file.toString()))
                .map(props -> new FileInfo(
                        path, props.size(), Instant.ofEpochMilli(props.lastModifiedTime()), props.isDirectory()))
                .recover(FsErrors.on(path));
    }

    /** Not Vert.x's readDir: that one resolves every entry's canonical path, a syscall per child. */
    @Override
    public Future<List<String>> crashLeftovers(Instant writtenBefore, boolean remove) {
        return workers.call(() -> CrashLeftovers.find(layout.root(), writtenBefore, remove));
    }

    @Override
    public Future<List<String>> list(String path) {
        return resolve(path)
                .compose(dir -> workers.call(() -> BlockingFileOps.listVisible(dir)))
                .recover(FsErrors.on(path));
    }

    @Override
    public Future<Void> move(String from, String to) {
        return resolve(from)
                .compose(source -> resolve(to)
                        .compose(target ->
                                workers.run(() -> BlockingFileOps.moveCreatingParents(source, target, layout.root()))))
                .recover(FsErrors.on(from));
    }

    @Override
    public Future<Void> delete(String path) {
        return resolve(path)
                .compose(file -> workers.run(() -> BlockingFileOps.delete(file, layout.root())))
                .recover(FsErrors.on(path));
    }

    @Override
    public Future<BlobWriter> writer(String path, boolean append) {
        return resolve(path)
                .compose(file -> FsBlobWriter.open(fs, workers, path, file, layout, append))
                .recover(FsErrors.on(path));
    }

    /**
     * The file that holds {@code path}, whether or not it exists yet: looking would block the
     * calling event loop. Callers stat the path first, as they need its size anyway.
     *
     * @throws IllegalArgumentException when the path breaks the storage path rules
     */
    @Override
    public Optional<Path> localFile(String path) {
        return Optional.of(layout.resolve(path));
    }

    private Future<Path> resolve(String path) {
        try {
            return Future.succeededFuture(layout.resolve(path));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }
}
