package dev.berth.storage.s3;

import dev.berth.storage.StoragePath;

/**
 * Where each storage path lives in the bucket, and the names the driver keeps for itself.
 *
 * <p>A storage path maps to the key "prefix + path", as registry:2's S3 driver maps it under its
 * root directory, so a bucket registry:2 filled is served as-is. The driver's own objects (the
 * segments of unfinished writers) sit under a sibling "directory" whose name carries a reserved
 * prefix that no storage path may use and that listings hide, as on the filesystem.
 */
final class S3Keys {
    private static final String RESERVED_PREFIX = ".berth-";
    private static final String PARTIAL_PREFIX = RESERVED_PREFIX + "partial-";

    private final String prefix;

    S3Keys(String prefix) {
        this.prefix = prefix;
    }

    /** The key of a storage path; {@link IllegalArgumentException} when the path breaks the rules. */
    String key(String path) {
        StoragePath.check(path);
        for (String segment : path.split("/")) {
            if (isReserved(segment)) {
                throw new IllegalArgumentException("storage path uses a name the S3 driver reserves: " + path);
            }
        }
        return prefix + path;
    }

    /** The key prefix every object "inside" the directory {@code path} starts with. */
    String directory(String path) {
        return key(path) + "/";
    }

    /** The key prefix under which a writer keeps the segments of {@code path} until it commits. */
    String partialOf(String path) {
        String key = key(path);
        int slash = key.lastIndexOf('/');
        return key.substring(0, slash + 1) + PARTIAL_PREFIX + key.substring(slash + 1) + "/";
    }

    /** Whether {@code key} is a segment some writer keeps under {@link #partialOf}. */
    boolean isSegment(String key) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        String[] names = key.substring(prefix.length()).split("/");
        return names.length >= 2 && names[names.length - 2].startsWith(PARTIAL_PREFIX);
    }

    /** The key as a path relative to the store's root, for reports; it may name the driver's own objects. */
    String relative(String key) {
        return key.substring(prefix.length());
    }

    /** Listings leave out the driver's own names. */
    static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }
}
