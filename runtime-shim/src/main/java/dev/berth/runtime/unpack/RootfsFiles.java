package dev.berth.runtime.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file of an unpacked root filesystem the way the container would, links resolved inside it. */
public final class RootfsFiles {
    private RootfsFiles() {}

    /** The file's text, or "" when the image has no such regular file. */
    public static String read(Path rootfs, String path) throws IOException {
        EntryName name = EntryName.parse(path);
        Path file = new ConfinedRoot(rootfs.toRealPath()).resolve(name.components());
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
