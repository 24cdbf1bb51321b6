package dev.berth.testkit.disk;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real small filesystem of its own on a test directory: a tmpfs of a fixed size, so that a test
 * can fill it up (writes fail with "No space left on device") or remount it read-only (writes fail
 * with "Read-only file system"), as a full or failing disk does, without touching the machine's
 * disks. Mounting needs root with the right to mount (CAP_SYS_ADMIN); without it the test is
 * skipped loudly, and fails in CI.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;
    private boolean mounted;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} on {@code dir} (created when missing), or skips the test. */
    public static TmpfsMount of(Path dir, long bytes) throws IOException {
        Prerequisites.requireRoot("mounting a small tmpfs to fill up");
        Files.createDirectories(dir);
        CommandResult result = Command.of(
                        "mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", dir.toString())
                .run();
        Prerequisites.require(
                result.succeeded(),
                "permission to mount a tmpfs (CAP_SYS_ADMIN): "
                        + result.output().strip());
        TmpfsMount mount = new TmpfsMount(dir);
        mount.mounted = true;
        return mount;
    }

    public Path dir() {
        return dir;
    }

    /** Writes fail from now on with "Read-only file system"; reads go on. */
    public void remountReadOnly() {
        Command.of("mount", "-o", "remount,ro", dir.toString()).runOk();
    }

    public void remountWritable() {
        Command.of("mount", "-o", "remount,rw", dir.toString()).runOk();
    }

    /**
     * Fills the filesystem with a file of its own up to {@code free} bytes short of full, so that
     * a write of more fails partway; deleting the returned file frees the space again.
     */
    public Path fillLeaving(long free) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - free));
        }
        return filler;
    }

    @Override
    public void close() {
        if (mounted) {
            mounted = false;
            Command.of("umount", "-l", dir.toString()).runOk();
        }
    }
}
