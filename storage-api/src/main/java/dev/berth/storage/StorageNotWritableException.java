package dev.berth.storage;

/**
 * The store refuses to be written at all (a read-only mount, missing permissions), whatever was
 * written. The registry answers it with a 503 that says so, and refuses to start on such a store.
 */
public class StorageNotWritableException extends StorageException {
    public StorageNotWritableException(String message, Throwable cause) {
        super(message, cause);
    }
}
