package dev.berth.registry.core;

import java.time.Duration;

/**
 * The registry rules an operator may switch.
 *
 * @param gcGracePeriod how old a blob's links must be before garbage collection may delete it:
 *                      a blob a client looks up is kept young for the collector (see BlobService)
 * @param maxOpenUploadsPerRepository the upload sessions a repository may hold open at once, per replica; 0: no cap
 * @param uploadsPurgeAfter how long an upload session nobody writes to is kept: once purged, it is no longer counted
 * @param automaticCrossMount whether a mount without {@code from} looks for a repository holding the blob
 */
public record RegistryOptions(
        boolean deleteEnabled,
        Duration gcGracePeriod,
        int maxOpenUploadsPerRepository,
        Duration uploadsPurgeAfter,
        boolean automaticCrossMount) {
    public static RegistryOptions defaults() {
        return new RegistryOptions(true, Duration.ofHours(1), 1000, Duration.ofDays(7), true);
    }
}
