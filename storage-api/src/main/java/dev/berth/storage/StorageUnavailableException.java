package dev.berth.storage;

/**
 * The store cannot be reached at the moment (its server refuses connections, cuts them, or does not
 * answer in time), whatever was asked of it. Nothing is known about the path: it may well exist. The
 * registry answers it with a 503 that says so, and the same request may succeed once the store is back.
 */
public class StorageUnavailableException extends StorageException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
