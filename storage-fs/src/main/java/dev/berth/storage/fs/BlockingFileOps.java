package dev.berth.storage.fs;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Multi-step file operations that run as a single task on a worker thread: one hop off the event
 * loop each, instead of one per step, and cleanup that cannot be skipped halfway.
 */
final class BlockingFileOps {
    private BlockingFileOps() {}

    /**
     * Readers see the old content or all of the new: it is filled (and with {@code sync}, made
     * durable) aside, then renamed over.
     */
    static void writeAtomically(Path target, byte[] content, boolean sync) throws IOException {
        NewDirectories.place(target, file -> fillAndRename(file, content, sync));
    }

    private static void fillAndRename(Path target, byte[] content, boolean sync) throws IOException {
        Path temp = FsLayout.tempBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (sync) {
                    channel.force(false);
                }
            }
            Files.move(temp, target, ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    /**
     * Makes a written file durable, then renames it onto its target: after a crash the target
     * holds either nothing new or the complete content, never a renamed but unwritten file.
     */
    static void syncAndRename(Path source, Path target) throws IOException {
        sync(source);
        Files.move(source, target, ATOMIC_MOVE);
    }

    /** Forces a file's content to the disk, so that a rename never publishes a file still in the page cache only. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, READ)) {
            channel.force(false);
        }
    }

    /**
     * A rename that replaces the target, its missing parent directories appearing with it, and the
     * source's directories going when it leaves them empty.
     */
    static void moveCreatingParents(Path from, Path to, Path root) throws IOException {
        if (Files.notExists(from)) {
            // Checked first so that a failed move leaves no stray directories behind.
            throw new NoSuchFileException(from.toString());
        }
        NewDirectories.place(to, file -> Files.move(from, file, ATOMIC_MOVE));
        removeEmptyParents(from, root);
    }

    /**
     * Removes a file or a whole tree. A tree is renamed out of sight first, so that a process killed
     * halfway leaves a hidden remainder rather than a directory that lists what no longer resolves.
     */
    static void delete(Path file, Path root) throws IOException {
        if (!Files.isDirectory(file, NOFOLLOW_LINKS)) {
            Files.delete(file);
            removeEmptyParents(file, root);
            return;
        }
        Path hidden = FsLayout.tempBeside(file);
        Files.move(file, hidden, ATOMIC_MOVE);
        IOException failure = new IOException("cannot remove all of " + file + " (renamed to " + hidden + ")");
        deleteQuietly(hidden, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        removeEmptyParents(file, root);
    }

    /**
     * Removes the directories above a removed file that it left empty, nearest first, up to (not
     * including) the root: on disk, as on S3, a directory exists only while something lies beneath
     * it. registry:2's layout names things by directory (a revision, a layer link, a tag), and an
     * empty directory left by a delete would read as a thing that is not there (issue 16: the
     * collector kept a deleted manifest's blobs). An rmdir removes only an empty directory, so a
     * concurrent writer's file is never lost: either it is in the directory first and the rmdir
     * fails, or it finds the directory gone and places it anew ({@link NewDirectories}). A
     * directory that is a symbolic link (an operator's link onto another disk) is never removed.
     */
    static void removeEmptyParents(Path removed, Path root) {
        for (Path dir = removed.getParent();
                dir != null && dir.startsWith(root) && !dir.equals(root);
                dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                return;
            }
            try {
                Files.delete(dir);
            } catch (IOException e) {
                // Not empty (the usual case), gone already, or not ours to remove: the rest above stays.
                return;
            }
        }
    }

    /**
     * The names in a directory, without the driver's own files. {@link java.io.File#list()} hands
     * over plain names; a directory stream would build a path object per entry, most of the cost
     * of listing thousands of tags.
     */
    static List<String> listVisible(Path dir) throws IOException {
        String[] entries = dir.toFile().list();
        if (entries == null) {
            return listVisibleSlowly(dir);
        }
        List<String> names = new ArrayList<>(entries.length);
        for (String name : entries) {
            if (!FsLayout.isReserved(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * {@link java.io.File#list()} says only that it failed, not why. A directory stream either lists
     * the directory as it is now or throws the reason: gone (a delete beside it removed it as empty),
     * not a directory, or not readable. Asking the file's kind after a failed list instead would
     * misread a directory that was removed and placed anew in between (bench/soak's POSTs met that
     * as 500s: one session's upload emptied {@code _uploads} while another's made it again).
     */
    private static List<String> listVisibleSlowly(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!FsLayout.isReserved(name)) {
                    names.add(name);
                }
            }
        } catch (NotDirectoryException e) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        return names;
    }

    /** Removes a file or a tree, adding what could not be removed to {@code failure}. */
    static void deleteQuietly(Path tree, Exception failure) {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // Nothing was left to remove.
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
