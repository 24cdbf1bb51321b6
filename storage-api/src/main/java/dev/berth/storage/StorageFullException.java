package dev.berth.storage;

/**
 * The store has no room for what was written (a full disk, a quota reached). Reads still work;
 * writes fail until space is freed. The registry answers it with a 507 that says so.
 */
public class StorageFullException extends StorageException {
    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
