package dev.berth.runtime.unpack;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.image.LayerBlob;
import dev.berth.testkit.image.LayerTar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * An image whose three layers (plain tar, gzip, then as the caller chooses) use every feature of image-spec layer.md
 * that unpacking must honour: special mode bits, a read-only directory with contents, owners,
 * absolute and relative symlinks, hard links, PAX long and non-ASCII names, whiteouts, an opaque
 * directory, and type replacements in both directions.
 */
final class FeatureImage {
    static final String LONG_NAME =
            "deep/" + "a-directory-with-a-long-name/".repeat(6) + "file-past-the-ustar-limit.txt";
    static final String NON_ASCII = "café/naïve-日本.txt";

    private FeatureImage() {}

    /** @param topLayer stores the top layer: zstd where the reader supports it (umoci 0.4 does not) */
    static LocalImage write(Path layoutDir, Function<byte[], LayerBlob> topLayer) {
        byte[] base = new LayerTar()
                .directory("etc", 0755)
                .file("etc/target", "the target\n")
                .directory("bin", 0755)
                .file("bin/setuid", 04755, bytes("suid"))
                .file("bin/setgid", 02711, bytes("sgid"))
                .directory("shared", 01777)
                .directory("locked", 0555)
                .file("locked/inside", 0400, bytes("written before its dir turned read-only"))
                .symlink("abs-link", "/etc/target")
                .symlink("bin/rel-link", "../etc/target")
                .file("original", 0640, bytes("linked twice"))
                .hardLink("hard-link", "original")
                .owner(1000, 1001)
                .file("owned", "belongs to 1000:1001")
                .owner(0, 0)
                .file(LONG_NAME, "a long name")
                .file(NON_ASCII, "non-ASCII")
                .file("becomes-dir", "a file for now")
                .symlink("becomes-file", "/etc/target")
                .directory("removed", 0755)
                .file("removed/child", "gone later")
                .file("removed-file", "gone later")
                .directory("opaque", 0750)
                .file("opaque/lower-a", "hidden later")
                .file("opaque/lower-b", "hidden later")
                .toBytes();
        byte[] middle = new LayerTar()
                .file(".wh.removed", "")
                .file(".wh.removed-file", "")
                .directory("opaque", 0750)
                .file("opaque/.wh..wh..opq", "")
                .file("opaque/upper", "the only one left")
                .directory("becomes-dir", 0700)
                .file("becomes-dir/child", "now a directory")
                .file("becomes-file", 0600, bytes("no longer a link"))
                .toBytes();
        byte[] top = new LayerTar()
                .file("etc/target", "the target, changed by the top layer\n")
                .hardLink("bin/another-link", "original")
                .toBytes();
        return TestLayouts.write(
                layoutDir, List.<LayerBlob>of(LayerBlob.tar(base), TestLayouts.gzip(middle), topLayer.apply(top)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
