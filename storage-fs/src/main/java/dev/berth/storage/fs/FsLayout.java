package dev.berth.storage.fs;

import dev.berth.storage.StoragePath;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where each storage path lives under the root, and the names the driver keeps for itself.
 *
 * <p>A storage path maps to the same relative file under the root, so a registry:2 data directory
 * is served as-is. The driver's own files (temp files of atomic writes, partial files of writers)
 * sit beside their target, because a rename is only atomic within one filesystem; they carry a
 * reserved prefix that no storage path may use and that listings hide.
 */
final class FsLayout {
    private static final String RESERVED_PREFIX = ".berth-";
    private static final String TEMP_PREFIX = RESERVED_PREFIX + "tmp-";
    private static final String PARTIAL_PREFIX = RESERVED_PREFIX + "partial-";

    private final Path root;

    FsLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory every storage path lies beneath; the driver never removes it. */
    Path root() {
        return root;
    }

    /** The file for a storage path; {@link IllegalArgumentException} when the path breaks the rules. */
    Path resolve(String path) {
        StoragePath.check(path);
        for (String segment : path.split("/")) {
            if (isReserved(segment)) {
                throw new IllegalArgumentException("storage path uses a name the filesystem driver reserves: " + path);
            }
        }
        Path file = root.resolve(path).normalize();
        // StoragePath.check already rules out "..": this holds even if those rules ever loosen.
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("storage path escapes the root: " + path);
        }
        return file;
    }

    /** Where a writer keeps the content of {@code file} until it commits. */
    static Path partialOf(Path file) {
        return file.resolveSibling(PARTIAL_PREFIX + file.getFileName());
    }

    /** A fresh name beside {@code file} for a whole-file write to fill before it renames. */
    static Path tempBeside(Path file) {
        // Opened with CREATE_NEW, so a collision fails loudly instead of sharing a file.
        return file.resolveSibling(
                TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** A name {@link #tempBeside} gave: a whole-file write's, or a tree's on its way out. */
    static boolean isTemp(String name) {
        return name.startsWith(TEMP_PREFIX);
    }

    static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }
}
