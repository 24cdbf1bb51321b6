package dev.berth.storage.fs;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Puts a file whose directories do not exist yet in place together with them: the missing
 * directories are built under a hidden name beside the first of them, the file goes in, and the
 * tree is renamed into place. So on disk, as on S3, a directory is never listed before the file
 * that gives it a reason to exist, even when the process is killed between the two: registry:2's
 * layout lists a tag by its directory, and a tag directory without its link would be a listed tag
 * that does not resolve.
 */
final class NewDirectories {
    /** Creates the complete file at the given path; the path's parent exists. */
    @FunctionalInterface
    interface Placement {
        void at(Path file) throws IOException;
    }

    private NewDirectories() {}

    static void place(Path target, Placement placement) throws IOException {
        Path parent = target.getParent();
        Path existing = nearestExisting(parent);
        if (existing.equals(parent)) {
            try {
                placement.at(target);
            } catch (NoSuchFileException e) {
                if (Files.isDirectory(parent)) {
                    throw e;
                }
                // A delete beside it removed the parent as empty in the meantime: place the file anew, with it.
                place(target, placement);
            }
            return;
        }
        Path first = existing.resolve(existing.relativize(parent).getName(0));
        Path staging = FsLayout.tempBeside(first);
        Path staged = staging.resolve(first.relativize(target));
        try {
            Files.createDirectories(staged.getParent());
            placement.at(staged);
        } catch (IOException | RuntimeException e) {
            BlockingFileOps.deleteQuietly(staging, e);
            throw e;
        }
        try {
            Files.move(staging, first, ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(first)) {
                // Left as it is: after a move the staged file may be the only copy of its content.
                throw e;
            }
            // Another writer made the directory meanwhile: the file moves on into the tree it made.
            place(target, file -> Files.move(staged, file, ATOMIC_MOVE));
            BlockingFileOps.deleteQuietly(staging, e);
        }
    }

    private static Path nearestExisting(Path dir) throws NoSuchFileException {
        Path existing = dir;
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
            if (existing == null) {
                throw new NoSuchFileException(dir.toString(), null, "no part of the path exists");
            }
        }
        return existing;
    }
}
