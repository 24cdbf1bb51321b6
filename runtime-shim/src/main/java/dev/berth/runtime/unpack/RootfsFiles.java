package dev.berth.runtime.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Reads a file of an unpacked root filesystem the way the container would, links resolved inside it. */
public final class RootfsFiles {
    private RootfsFiles() {}

    /** The file's text, or "" when the image has no such regular file. */
    public static String read(Path rootfs, String path) throws IOException {
        EntryName name = EntryName.parse(path);
        Path file = new ConfinedRoot(rootfs.toRealPath()).resolve(name.components());
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * Where {@code path} (absolute inside the container, {@code ..} allowed) leads in the rootfs,
     * every link followed inside it; empty when nothing is there.
     */
    public static Optional<Path> locate(Path rootfs, String path) throws IOException {
        Path file = new ConfinedRoot(rootfs.toRealPath()).resolve(Arrays.asList(path.split("/")));
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }
}
