package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.storage.StorageFullException;
import dev.berth.storage.StorageNotWritableException;
import dev.berth.storage.StorageUnavailableException;
import java.util.Optional;

/**
 * What a client is told when storage, not the request, is the trouble: a full store answers 507
 * Insufficient Storage, a store that refuses writes or cannot be reached (an S3 server down) 503
 * Service Unavailable, each with a message that says so, which names no storage path (the log does;
 * issue 16: all were a 500 "internal error: StorageException", and only the log said why). Pulls go on
 * working on a full or read-only store: reads do not meet either.
 */
final class StorageRefusals {
    static final int INSUFFICIENT_STORAGE = 507;
    static final int SERVICE_UNAVAILABLE = 503;

    private StorageRefusals() {}

    /** The answer for {@code failure} when storage refused it, found anywhere in its causes. */
    static Optional<DistributionException> answer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageFullException) {
                return Optional.of(new DistributionException(
                        ErrorCode.UNKNOWN,
                        INSUFFICIENT_STORAGE,
                        "the registry's storage is full: pushes fail until space is freed; pulls work",
                        null));
            }
            if (cause instanceof StorageNotWritableException) {
                return Optional.of(new DistributionException(
                        ErrorCode.UNKNOWN,
                        SERVICE_UNAVAILABLE,
                        "the registry's storage is not writable (read-only or without permission): pushes"
                                + " fail until an operator fixes it; pulls work",
                        null));
            }
            if (cause instanceof StorageUnavailableException) {
                return Optional.of(new DistributionException(
                        ErrorCode.UNKNOWN,
                        SERVICE_UNAVAILABLE,
                        "the registry's storage cannot be reached: requests that need it fail until it is back",
                        null));
            }
        }
        return Optional.empty();
    }
}
