package dev.berth.testkit.image;

import dev.berth.testkit.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal root filesystem built from the host's static busybox (Debian package
 * busybox-static): the only way to get a runnable image on a machine without internet.
 */
public final class BusyboxRootfs {

    /** The applets the tests call; each is a symlink to /bin/busybox. */
    private static final List<String> APPLETS = List.of("sh", "cat", "echo", "ls", "mkdir", "printf");

    private BusyboxRootfs() {}

    public static byte[] tar() {
        Path busybox = Path.of("/bin/busybox");
        Prerequisites.require(Files.isExecutable(busybox), "/bin/busybox (Debian package busybox-static)");
        byte[] binary;
        try {
            binary = Files.readAllBytes(busybox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LayerTar tar = new LayerTar().directory("bin", 0755).file("bin/busybox", 0755, binary);
        APPLETS.forEach(applet -> tar.symlink("bin/" + applet, "busybox"));
        return tar.directory("etc", 0755)
                .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n")
                .file("etc/group", "root:x:0:\nnogroup:x:65534:\n")
                .directory("root", 0700)
                .directory("tmp", 01777)
                .toBytes();
    }
}
