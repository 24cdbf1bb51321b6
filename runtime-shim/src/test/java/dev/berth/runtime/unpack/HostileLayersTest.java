package dev.berth.runtime.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.layout.ImageException;
import dev.berth.testkit.image.LayerBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

@Label("Unpacking generated hostile layers")
class HostileLayersTest {

    @Property(tries = 400)
    @Label("never changes anything outside the rootfs: the layers are unpacked or refused with an ImageException")
    void nothingOutsideChanges(@ForAll("layers") List<List<HostileEntry>> layers) throws IOException {
        Path base = Files.createTempDirectory("berth-hostile-");
        try {
            VictimScene scene = VictimScene.create(base.resolve("scene"));
            LocalImage image = TestLayouts.write(
                    base.resolve("layout"),
                    layers.stream()
                            .map(layer -> LayerBlob.tar(HostileTar.of(layer, scene)))
                            .toList());
            Map<String, String> before = OutsideWatch.snapshot(scene.scratch(), scene.rootfs());

            Throwable failure =
                    catchThrowable(() -> new Unpacker(true).unpack(TestLayouts.select(image), scene.rootfs()));

            assertThat(OutsideWatch.snapshot(scene.scratch(), scene.rootfs())).isEqualTo(before);
            if (failure != null) {
                assertThat(failure).isInstanceOf(ImageException.class);
            }
            Statistics.collect(failure == null ? "unpacked" : "refused");
            // Most streams must get through, or refusing everything would pass.
            Statistics.coverage(check -> check.check("unpacked").percentage(p -> p >= 30));
        } finally {
            Tree.delete(base);
        }
    }

    @Provide
    Arbitrary<List<List<HostileEntry>>> layers() {
        return HostileEntries.layers();
    }
}
