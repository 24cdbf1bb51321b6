package dev.berth.testkit;

import dev.berth.testkit.process.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;

/** A temporary directory that is removed, with everything below it, when closed. */
public final class ScratchDir implements AutoCloseable {

    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    /**
     * Under /tmp, whatever java.io.tmpdir says: dockerd's socket goes in here, and a unix
     * socket path must stay below 108 bytes.
     */
    public static ScratchDir shortPath(String prefix) {
        return createIn(Path.of("/tmp"), prefix);
    }

    /** Under the module's build directory, on the same disk as the build: room for GiBs of registry data. */
    public static ScratchDir inBuildDir(String prefix) {
        return createIn(Path.of("target", "interop-scratch").toAbsolutePath(), prefix);
    }

    private static ScratchDir createIn(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return new ScratchDir(Files.createTempDirectory(parent, prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in " + parent, e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }

    /** A fresh, empty subdirectory. */
    public Path newDir(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // dockerd may leave network-namespace or bind mounts below its exec root when it dies
        // early; deleting through a live mount would fail, or worse, delete the mount's source.
        unmountEverythingBelow(path);
        deleteRecursively(path);
    }

    private static void unmountEverythingBelow(Path dir) {
        List<Path> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length > 1)
                    .map(fields -> Path.of(unescapeMountPath(fields[1])))
                    .filter(mountPoint -> mountPoint.startsWith(dir))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        } catch (IOException e) {
            return; // no /proc: nothing we could unmount anyway
        }
        mounts.forEach(
                mountPoint -> Command.of("umount", "-l", mountPoint.toString()).run());
    }

    /** /proc/self/mounts escapes blanks and the like as backslash and three octal digits. */
    private static String unescapeMountPath(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
