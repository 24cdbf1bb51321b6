package dev.berth.storage.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary files and directories ({@code .berth-tmp-…}) that a process killed in the middle
 * of a write, or of removing a tree it had renamed out of sight, leaves under the root. Listings
 * never show them, so nothing else ever removes them. Only old ones are taken: a young one may
 * belong to a write in progress.
 */
final class CrashLeftovers {
    private CrashLeftovers() {}

    /** The leftovers last modified before {@code writtenBefore}, relative to the root; removed with {@code remove}. */
    static List<String> find(Path root, Instant writtenBefore, boolean remove) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                return take(dir, attributes) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                take(file, attributes);
                return FileVisitResult.CONTINUE;
            }

            /** A tree that goes while the walk reads is no failure: a concurrent delete took it. */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }

            private boolean take(Path path, BasicFileAttributes attributes) throws IOException {
                if (path.equals(root)
                        || !FsLayout.isTemp(path.getFileName().toString())
                        || !attributes.lastModifiedTime().toInstant().isBefore(writtenBefore)) {
                    return false;
                }
                found.add(root.relativize(path).toString().replace('\\', '/'));
                if (remove) {
                    IOException failure = new IOException("cannot remove all of " + path);
                    BlockingFileOps.deleteQuietly(path, failure);
                    if (failure.getSuppressed().length > 0) {
                        throw failure;
                    }
                }
                return true;
            }
        });
        return found;
    }
}
