package dev.berth.testkit.disk;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A directory nobody can write into, made one of three real ways. Permissions alone do not stop
 * root, and CI runs as root, so each way says who can use it; a test asks for each way it covers
 * and is skipped loudly (in CI: fails) where the way is not available. Whatever the way, the
 * directory is checked to refuse a new file before the test goes on.
 */
public final class UnwritableDirectory implements AutoCloseable {
    /** How the directory is made unwritable. */
    public enum Way {
        /** A read-only tmpfs mounted on it: for root with the right to mount. */
        READ_ONLY_MOUNT,
        /** The immutable attribute (chattr +i): for root on a filesystem that has it (ext4, xfs). */
        IMMUTABLE,
        /** Mode 0555: for anyone but root, whom permissions do not stop. */
        NO_WRITE_PERMISSION
    }

    private final Path dir;
    private final Way way;

    private UnwritableDirectory(Path dir, Way way) {
        this.dir = dir;
        this.way = way;
    }

    /** Makes {@code dir} (created when missing) unwritable the given way, or skips the test. */
    public static UnwritableDirectory make(Path dir, Way way) throws IOException {
        Files.createDirectories(dir);
        switch (way) {
            case READ_ONLY_MOUNT -> {
                Prerequisites.requireRoot("a read-only tmpfs mount");
                require(
                        Command.of("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dir.toString())
                                .run(),
                        "permission to mount a tmpfs (CAP_SYS_ADMIN)");
            }
            case IMMUTABLE -> {
                Prerequisites.requireRoot("chattr +i");
                Path chattr = Prerequisites.executable("chattr", "e2fsprogs");
                require(
                        Command.of(chattr.toString(), "+i", dir.toString()).run(),
                        "an immutable attribute on " + dir + " (CAP_LINUX_IMMUTABLE, a filesystem that has it)");
            }
            case NO_WRITE_PERMISSION -> {
                if (Prerequisites.isRoot()) {
                    // Not a missing tool but a case that cannot hold for root: skipped in CI too, which runs as root.
                    System.err.println("WARNING: SKIPPING: mode 0555 does not stop root; the other ways cover root");
                    Assumptions.abort("mode 0555 does not stop root");
                }
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
        }
        UnwritableDirectory made = new UnwritableDirectory(dir, way);
        try {
            Files.delete(Files.createTempFile(dir, "probe", null));
        } catch (IOException refused) {
            return made;
        }
        made.close();
        Prerequisites.require(false, "a directory made unwritable by " + way + " still took a new file");
        return made;
    }

    public Path dir() {
        return dir;
    }

    /** Makes the directory writable again (unmounts, clears the attribute, restores the mode). */
    @Override
    public void close() throws IOException {
        switch (way) {
            case READ_ONLY_MOUNT -> Command.of("umount", "-l", dir.toString()).runOk();
            case IMMUTABLE -> Command.of("chattr", "-i", dir.toString()).runOk();
            case NO_WRITE_PERMISSION ->
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void require(CommandResult result, String what) {
        Prerequisites.require(result.succeeded(), what + ": " + result.output().strip());
    }
}
