package dev.berth.runtime.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.layout.ImageException;
import dev.berth.testkit.image.LayerTar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Unpacking never writes outside the rootfs, whatever a layer says")
class UnpackSafetyTest {
    @TempDir
    Path scratch;

    @TempDir
    Path layout;

    private Path outside;
    private Path rootfs;
    private Map<String, String> before;

    @BeforeEach
    void placeACanaryOutside() throws IOException {
        outside = Files.createDirectories(scratch.resolve("outside"));
        Files.writeString(outside.resolve("canary"), "untouched");
        Files.setAttribute(Files.createDirectory(outside.resolve("secretdir")), "unix:mode", 0700);
        rootfs = scratch.resolve("bundle/rootfs");
        Files.createDirectories(rootfs);
        before = OutsideWatch.snapshot(scratch, rootfs);
    }

    @Test
    @DisplayName("an entry whose name climbs out with .. is refused")
    void dotDotIsRefused() {
        assertRefused("..", new LayerTar().file("../../outside/escape", "x").toBytes());
        assertRefused(
                "..", new LayerTar().file("a/../../../outside/escape", "x").toBytes());
    }

    @Test
    @DisplayName("an absolute entry name is taken relative to the rootfs")
    void absoluteNameIsConfined() throws IOException {
        String escape = outside.resolve("escape").toString();
        unpack(new LayerTar().file(escape, "x").toBytes());
        assertThat(rootfs.resolve(escape.substring(1))).hasContent("x");
        assertNothingOutsideChanged();
    }

    @Test
    @DisplayName("an entry below a symlink to an absolute outside directory lands inside the rootfs")
    void absoluteSymlinkedParentIsConfined() throws IOException {
        unpack(new LayerTar()
                .symlink("evil", outside.toString())
                .file("evil/escape", "x")
                .toBytes());
        assertThat(rootfs.resolve(outside.toString().substring(1)).resolve("escape"))
                .hasContent("x");
        assertThat(Files.readSymbolicLink(rootfs.resolve("evil"))).isEqualTo(outside);
        assertNothingOutsideChanged();
    }

    @Test
    @DisplayName("an entry below a relative symlink that climbs above the root stops at the root")
    void relativeSymlinkedParentStopsAtRoot() throws IOException {
        unpack(new LayerTar()
                .symlink("up", "../../../../../../..")
                .file("up/escape", "x")
                .toBytes());
        assertThat(rootfs.resolve("escape")).hasContent("x");
        assertNothingOutsideChanged();
    }

    @Test
    @DisplayName("a symlink placed by a lower layer is followed inside the rootfs by an upper one")
    void symlinkFromLowerLayerIsConfined() throws IOException {
        unpack(
                new LayerTar().symlink("evil", outside.toString()).toBytes(),
                new LayerTar().file("evil/escape", "x").toBytes());
        assertThat(rootfs.resolve(outside.toString().substring(1)).resolve("escape"))
                .hasContent("x");
        assertNothingOutsideChanged();
    }

    @ParameterizedTest(name = "a -> {0} outside, a with an entry of its own: {1}")
    @CsvSource({"absolute, false", "absolute, true", "relative, false", "relative, true"})
    @DisplayName(
            "a directory's mode, owner and mtime never reach outside through a parent that a later entry made a symlink")
    void directoryMetadataNotAppliedThroughLaterSymlink(String target, boolean parentEntry) throws IOException {
        String link = target.equals("absolute")
                ? outside.toString()
                : rootfs.relativize(outside).toString();
        LayerTar layer = new LayerTar().owner(1000, 1000);
        if (parentEntry) {
            layer.directory("a", 0755);
        }
        // Directory metadata is applied at the end of the layer, when "a" is a link to the outside directory.
        byte[] tar = layer.directory("a/secretdir", 0777).symlink("a", link).toBytes();
        Throwable failure = catchThrowable(() -> unpack(tar));
        assertNothingOutsideChanged();
        assertThat(failure).as("the unpack's failure").isNull();
        assertThat(Files.readSymbolicLink(rootfs.resolve("a"))).hasToString(link);
    }

    @Test
    @DisplayName("a file replacing a symlink to an outside file replaces the link, never writes through it")
    void fileOverSymlinkReplacesTheLink() throws IOException {
        unpack(
                new LayerTar()
                        .symlink("evil", outside.resolve("canary").toString())
                        .toBytes(),
                new LayerTar().file("evil", "overwritten").toBytes());
        assertThat(rootfs.resolve("evil")).isRegularFile().hasContent("overwritten");
        assertNothingOutsideChanged();
    }

    @Test
    @DisplayName("a hard link to an outside file is refused, by .., by absolute path or through a symlink")
    void hardLinksToOutsideAreRefused() {
        assertRefused(
                "..", new LayerTar().hardLink("stolen", "../../outside/canary").toBytes());
        assertRefused(
                "no file in the image",
                new LayerTar()
                        .hardLink("stolen", outside.resolve("canary").toString())
                        .toBytes());
        assertRefused(
                "no file in the image",
                new LayerTar()
                        .symlink("evil", outside.toString())
                        .hardLink("stolen", "evil/canary")
                        .toBytes());
    }

    @Test
    @DisplayName("whiteouts that climb out with .. are refused")
    void climbingWhiteoutsAreRefused() {
        assertRefused("..", new LayerTar().file("../../outside/.wh.canary", "").toBytes());
        assertRefused("..", new LayerTar().file(".wh...", "").toBytes());
    }

    @Test
    @DisplayName("whiteouts and opaque markers below a symlink to outside act inside the rootfs")
    void whiteoutsThroughSymlinksAreConfined() throws IOException {
        unpack(
                new LayerTar().symlink("evil", outside.toString()).toBytes(),
                new LayerTar()
                        .file("evil/.wh.canary", "")
                        .file("evil/.wh..wh..opq", "")
                        .toBytes());
        assertNothingOutsideChanged();
    }

    @Test
    @DisplayName("a refused layer leaves nothing outside even when earlier entries were written")
    void refusalLeavesNothingOutside() {
        assertRefused(
                "..",
                new LayerTar()
                        .symlink("evil", outside.toString())
                        .file("evil/ok", "x")
                        .file("../escape", "x")
                        .toBytes());
    }

    private void unpack(byte[]... tars) throws IOException {
        new Unpacker(true).unpack(TestLayouts.select(TestLayouts.gzipLayers(layout, tars)), rootfs);
    }

    private void assertRefused(String reason, byte[] tar) {
        assertThatThrownBy(() -> unpack(tar)).isInstanceOf(ImageException.class).hasMessageContaining(reason);
        assertNothingOutsideChanged();
    }

    private void assertNothingOutsideChanged() {
        assertThat(OutsideWatch.snapshot(scratch, rootfs)).isEqualTo(before);
    }
}
