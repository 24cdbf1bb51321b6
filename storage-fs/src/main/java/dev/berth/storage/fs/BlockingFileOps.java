package dev.berth.storage.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Multi-step file operations that run as a single task on a worker thread: one hop off the event
 * loop each, instead of one per step, and cleanup that cannot be skipped halfway.
 */
final class BlockingFileOps {
    private BlockingFileOps() {
    }

    /**
     * Readers see the old content or all of the new: it is filled (and with {@code sync}, made
     * durable) aside, then renamed over.
     */
    static void writeAtomically(Path target, byte[] content, boolean sync) throws IOException {
        Files.createDirectories(target.getParent());
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
        try (FileChannel channel = FileChannel.open(source, READ)) {
            channel.force(false);
        }
        Files.move(source, target, ATOMIC_MOVE);
    }

    /** A rename that replaces the target and creates its parent directories first. */
    static void moveCreatingParents(Path from, Path to) throws IOException {
        if (Files.notExists(from)) {
            // Checked first so that a failed move leaves no stray directories behind.
            throw new NoSuchFileException(from.toString());
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to, ATOMIC_MOVE);
    }

    /** The names in a directory, without the driver's own files. */
    static List<String> listVisible(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!FsLayout.isReserved(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
