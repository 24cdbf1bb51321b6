package dev.berth.runtime.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import dev.berth.testkit.process.Command;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth unpacks an image into the same rootfs as umoci unpack")
class UmociEquivalenceIT {
    @TempDir
    Path scratch;

    private Path umoci;

    @BeforeEach
    void needsUmociAsRoot() {
        umoci = Prerequisites.executable("umoci", "umoci");
        Prerequisites.require(HostIdentity.current().root(), "root (umoci keeps owners only when run as root)");
    }

    @Test
    @DisplayName("for an image using every layer feature (umoci 0.4 reads no zstd, so tar and gzip layers)")
    void featureImage() throws IOException {
        assertSameRootfs(FeatureImage.write(scratch.resolve("layout"), TestLayouts::gzip));
    }

    @Test
    @DisplayName("for a busybox image with a file on top")
    void busyboxImage() throws IOException {
        assertSameRootfs(TestLayouts.gzipLayers(
                scratch.resolve("layout"),
                BusyboxRootfs.tar(),
                new LayerTar().directory("srv", 0755).file("srv/hello", "hello").toBytes()));
    }

    private void assertSameRootfs(LocalImage image) throws IOException {
        Path berthRootfs = scratch.resolve("berth/rootfs");
        new Unpacker(true).unpack(TestLayouts.select(image), berthRootfs);
        Path umociBundle = scratch.resolve("umoci");
        Command.of(
                        umoci.toString(),
                        "unpack",
                        "--image",
                        image.layout() + ":" + image.refName(),
                        umociBundle.toString())
                .runOk();
        assertThat(RootfsTree.describe(berthRootfs)).isEqualTo(RootfsTree.describe(umociBundle.resolve("rootfs")));
    }
}
