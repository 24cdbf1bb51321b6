package dev.berth.runtime.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.layout.ImageException;
import dev.berth.testkit.image.LayerBlob;
import dev.berth.testkit.image.LayerTar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Unpacking an image's layers into a rootfs")
class UnpackerTest {
    @TempDir
    Path layout;

    @TempDir
    Path bundle;

    private Path rootfs;

    @BeforeEach
    void rootfs() {
        rootfs = bundle.resolve("rootfs");
    }

    @Nested
    @DisplayName("of an image using every layer feature, in tar, gzip and zstd layers")
    class Features {
        @BeforeEach
        void unpack() throws IOException {
            new Unpacker(true).unpack(TestLayouts.select(FeatureImage.write(layout, TestLayouts::zstd)), rootfs);
        }

        @Test
        @DisplayName("keeps setuid, setgid and sticky bits and gives directories their mode after their contents")
        void modes() throws IOException {
            assertThat(mode("bin/setuid")).isEqualTo(04755);
            assertThat(mode("bin/setgid")).isEqualTo(02711);
            assertThat(mode("shared")).isEqualTo(01777);
            assertThat(mode("locked")).isEqualTo(0555);
            assertThat(rootfs.resolve("locked/inside")).hasContent("written before its dir turned read-only");
        }

        @Test
        @DisplayName("sets owners and mtimes as the entries record them")
        void ownersAndTimes() throws IOException {
            assertThat(Files.getAttribute(rootfs.resolve("owned"), "unix:uid")).isEqualTo(1000);
            assertThat(Files.getAttribute(rootfs.resolve("owned"), "unix:gid")).isEqualTo(1001);
            assertThat(Files.getLastModifiedTime(rootfs.resolve("locked")))
                    .isEqualTo(FileTime.fromMillis(1_700_000_000_000L));
            assertThat(Files.getLastModifiedTime(rootfs.resolve("abs-link"), LinkOption.NOFOLLOW_LINKS))
                    .isEqualTo(FileTime.fromMillis(1_700_000_000_000L));
        }

        @Test
        @DisplayName("writes symlink targets exactly as the layer has them")
        void symlinks() throws IOException {
            assertThat(Files.readSymbolicLink(rootfs.resolve("abs-link"))).hasToString("/etc/target");
            assertThat(Files.readSymbolicLink(rootfs.resolve("bin/rel-link"))).hasToString("../etc/target");
        }

        @Test
        @DisplayName("makes hard links share one file, across layers too, and sees what the top layer changed")
        void hardLinks() throws IOException {
            Object inode = Files.getAttribute(rootfs.resolve("original"), "unix:ino");
            assertThat(Files.getAttribute(rootfs.resolve("hard-link"), "unix:ino"))
                    .isEqualTo(inode);
            assertThat(Files.getAttribute(rootfs.resolve("bin/another-link"), "unix:ino"))
                    .isEqualTo(inode);
            assertThat(rootfs.resolve("etc/target")).hasContent("the target, changed by the top layer");
        }

        @Test
        @DisplayName("reads PAX long and non-ASCII names")
        void names() {
            assertThat(rootfs.resolve(FeatureImage.LONG_NAME)).hasContent("a long name");
            assertThat(rootfs.resolve(FeatureImage.NON_ASCII)).hasContent("non-ASCII");
        }

        @Test
        @DisplayName("removes whited-out files and directories and empties an opaque directory of lower layers' files")
        void whiteouts() throws IOException {
            assertThat(rootfs.resolve("removed")).doesNotExist();
            assertThat(rootfs.resolve("removed-file")).doesNotExist();
            try (Stream<Path> children = Files.list(rootfs.resolve("opaque"))) {
                assertThat(children.map(p -> p.getFileName().toString())).containsExactly("upper");
            }
            try (Stream<Path> all = Files.walk(rootfs)) {
                assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".wh."));
            }
        }

        @Test
        @DisplayName("lets a later layer replace a file by a directory and a symlink by a file")
        void typeReplacement() throws IOException {
            assertThat(rootfs.resolve("becomes-dir")).isDirectory();
            assertThat(mode("becomes-dir")).isEqualTo(0700);
            assertThat(rootfs.resolve("becomes-dir/child")).hasContent("now a directory");
            assertThat(Files.isSymbolicLink(rootfs.resolve("becomes-file"))).isFalse();
            assertThat(rootfs.resolve("becomes-file")).hasContent("no longer a link");
        }

        private int mode(String path) throws IOException {
            return (int) Files.getAttribute(rootfs.resolve(path), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        }
    }

    @Test
    @DisplayName("leaves device nodes and fifos out, creating nothing in their place, and names them for the warning")
    void devicesAndFifosLeftOut() throws IOException {
        LocalImage image = TestLayouts.gzipLayers(
                layout,
                new LayerTar()
                        .directory("dev", 0755)
                        .special("dev/null", TarConstants.LF_CHR, 1, 3)
                        .special("dev/loop0", TarConstants.LF_BLK, 7, 0)
                        .special("run-fifo", TarConstants.LF_FIFO, 0, 0)
                        .file("kept", "a plain file beside them")
                        .toBytes());

        List<String> skipped = new Unpacker(true).unpack(TestLayouts.select(image), rootfs);

        assertThat(skipped)
                .containsExactly("dev/null (character device)", "dev/loop0 (block device)", "run-fifo (fifo)");
        assertThat(rootfs.resolve("dev")).isEmptyDirectory();
        assertThat(rootfs.resolve("run-fifo")).doesNotExist();
        assertThat(rootfs.resolve("kept")).hasContent("a plain file beside them");
    }

    @Test
    @DisplayName(
            "gives a directory listed twice in one layer the mode of its later entry (found by LayerModelProperties)")
    void directoryListedTwice() throws IOException {
        byte[] tar = new LayerTar()
                .directory("dir/", 0755)
                .file("dir/file", 0644, new byte[0])
                .directory("dir/", 0700)
                .toBytes();

        unpackTars(tar);

        assertThat((int) Files.getAttribute(rootfs.resolve("dir"), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777)
                .isEqualTo(0700);
    }

    @Test
    @DisplayName(
            "lets a later link loop replace a directory with contents, as any later entry replaces an earlier one (found by LayerModelProperties)")
    void directoryReplacedByLinkLoop() throws IOException {
        byte[] tar = new LayerTar()
                .directory("a/", 0755)
                .directory("a/b/", 0755)
                .symlink("a", "a")
                .toBytes();

        unpackTars(tar);

        assertThat(Files.readSymbolicLink(rootfs.resolve("a"))).isEqualTo(Path.of("a"));
    }

    @Test
    @DisplayName(
            "keeps what a layer wrote under a directory when its opaque whiteout comes later in the tar (found by LayerModelProperties)")
    void opaqueWhiteoutAfterNewContent() throws IOException {
        byte[] lower = new LayerTar()
                .directory("dir/", 0755)
                .directory("dir/sub/", 0755)
                .file("dir/sub/old", "lower")
                .file("dir/gone", "lower")
                .toBytes();
        byte[] upper = new LayerTar()
                .file("dir/sub/new", "upper")
                .file("dir/.wh..wh..opq", "")
                .toBytes();

        unpackTars(lower, upper);

        assertThat(rootfs.resolve("dir/sub/new")).hasContent("upper");
        assertThat(rootfs.resolve("dir/sub/old")).doesNotExist();
        assertThat(rootfs.resolve("dir/gone")).doesNotExist();
    }

    @Test
    @DisplayName(
            "empties a directory the layer lists again before its opaque whiteout of what lower layers put in it (found by LayerModelProperties)")
    void opaqueWhiteoutAfterRelistedDirectory() throws IOException {
        byte[] lower = new LayerTar()
                .directory("dir/", 0755)
                .directory("dir/sub/", 0755)
                .file("dir/sub/old", "lower")
                .toBytes();
        byte[] upper = new LayerTar()
                .directory("dir/sub/", 0700)
                .file("dir/.wh..wh..opq", "")
                .toBytes();

        unpackTars(lower, upper);

        assertThat(rootfs.resolve("dir/sub")).isEmptyDirectory();
    }

    @Test
    @DisplayName("refuses a layer whose blob does not match its digest")
    void tamperedBlob() throws IOException {
        Path blob = plainLayerBlob();
        byte[] content = Files.readAllBytes(blob);
        int at = new String(content, StandardCharsets.ISO_8859_1).indexOf("original");
        content[at] = 'O';
        Files.write(blob, content);
        assertThatThrownBy(() ->
                        new Unpacker(true).unpack(TestLayouts.select(new LocalImage(layout, TestLayouts.TAG)), rootfs))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("has digest");
    }

    @Test
    @DisplayName("refuses a layer whose blob is longer than its descriptor declares, without reading past it")
    void oversizedBlob() throws IOException {
        Path blob = plainLayerBlob();
        Files.write(blob, new byte[1 << 20], StandardOpenOption.APPEND);
        assertThatThrownBy(() ->
                        new Unpacker(true).unpack(TestLayouts.select(new LocalImage(layout, TestLayouts.TAG)), rootfs))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("longer than");
    }

    /** Unpacks plain tar layers, lowest first, without applying their owners. */
    private void unpackTars(byte[]... tars) throws IOException {
        List<LayerBlob> layers = Stream.of(tars).map(LayerBlob::tar).toList();
        new Unpacker(false).unpack(TestLayouts.select(TestLayouts.write(layout, layers)), rootfs);
    }

    private Path plainLayerBlob() {
        LocalImage image = TestLayouts.write(
                layout,
                List.of(LayerBlob.tar(new LayerTar().file("a", "original").toBytes())));
        Digest digest = TestLayouts.select(image).manifest().layers().get(0).digest();
        return layout.resolve("blobs/sha256").resolve(digest.encoded());
    }

    @Test
    @DisplayName("refuses a layer that uncompresses to another tar than the config's diff_id")
    void wrongDiffId() throws IOException {
        byte[] declared = new LayerTar().file("a", "declared").toBytes();
        byte[] shipped = new LayerTar().file("a", "shipped").toBytes();
        var blob = TestLayouts.gzip(shipped);
        LocalImage image = TestLayouts.write(layout, List.of(new LayerBlob(blob.mediaType(), declared, blob.blob())));
        assertThatThrownBy(() -> new Unpacker(true).unpack(TestLayouts.select(image), rootfs))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("diff_id");
    }
}
