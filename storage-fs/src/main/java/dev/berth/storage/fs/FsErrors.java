package dev.berth.storage.fs;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import io.vertx.core.Future;
import java.nio.file.NoSuchFileException;
import java.util.function.Function;

/** Turns filesystem failures into the SPI's exceptions, named by storage path rather than file. */
final class FsErrors {
    private FsErrors() {}

    /** For {@link Future#recover}: fails with the SPI's exception for a failure on {@code path}. */
    static <T> Function<Throwable, Future<T>> on(String path) {
        return failure -> Future.failedFuture(translate(failure, path));
    }

    static RuntimeException translate(Throwable failure, String path) {
        if (failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException
                || failure instanceof StorageException) {
            return (RuntimeException) failure;
        }
        if (isNoSuchFile(failure)) {
            return new PathNotFoundException(path);
        }
        return new StorageException("filesystem operation on " + path + " failed: " + failure.getMessage(), failure);
    }

    /** Vert.x wraps the NIO exception in its own FileSystemException. */
    static boolean isNoSuchFile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }
}
