package dev.berth.storage.fs;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import dev.berth.storage.StorageFullException;
import dev.berth.storage.StorageNotWritableException;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.function.Function;

/** Turns filesystem failures into the SPI's exceptions, named by storage path rather than file. */
final class FsErrors {
    private static final String PERMISSION_DENIED = "Permission denied";
    /** ENOSPC and EDQUOT. */
    private static final Set<String> NO_SPACE = Set.of("No space left on device", "Disk quota exceeded");
    /** EROFS, EACCES and EPERM (an immutable directory). */
    private static final Set<String> NOT_WRITABLE =
            Set.of("Read-only file system", PERMISSION_DENIED, "Operation not permitted");

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
        String reason = systemReason(failure);
        if (NO_SPACE.contains(reason)) {
            return new StorageFullException(
                    "the filesystem is full: writing " + path + " failed with \"" + reason + "\"", failure);
        }
        if (NOT_WRITABLE.contains(reason)) {
            return new StorageNotWritableException(
                    "the filesystem refuses writes: " + path + " failed with \"" + reason + "\"", failure);
        }
        return new StorageException("filesystem operation on " + path + " failed: " + failure.getMessage(), failure);
    }

    /**
     * The operating system's words for what went wrong (strerror), as the JDK passes them on: the
     * reason of a {@link java.nio.file.FileSystemException}, or the message of a plain
     * {@link IOException} from a write. Empty when no cause carries them.
     */
    private static String systemReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                return PERMISSION_DENIED;
            }
            String text = cause instanceof FileSystemException nio
                    ? nio.getReason()
                    : cause instanceof IOException ? cause.getMessage() : null;
            if (text != null && (NO_SPACE.contains(text) || NOT_WRITABLE.contains(text))) {
                return text;
            }
        }
        return "";
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
