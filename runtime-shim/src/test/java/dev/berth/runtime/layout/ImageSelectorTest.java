package dev.berth.runtime.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.image.LayerTar;
import dev.berth.testkit.image.OciLayoutWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Finding an image in an OCI layout")
class ImageSelectorTest {
    @TempDir
    Path layout;

    @Test
    @DisplayName("takes the entry with the given ref name, or the only entry when none is given")
    void byRefName() {
        TestLayouts.gzipLayers(layout, new LayerTar().file("a", "a").toBytes());
        LayoutImage tagged = ImageSelector.select(new LocalImage(layout, TestLayouts.TAG));
        LayoutImage only = ImageSelector.select(new LocalImage(layout, null));
        assertThat(only.manifest()).isEqualTo(tagged.manifest());
        assertThat(tagged.manifest().layers()).hasSize(1);
        assertThat(tagged.config().cmd()).containsExactly("/bin/sh");
    }

    @Test
    @DisplayName("picks this machine's linux image from an image index")
    void fromIndex() {
        OciLayoutWriter.writeMultiPlatform(layout, "multi");
        LayoutImage image = ImageSelector.select(new LocalImage(layout, "multi"));
        assertThat(image.manifest().isIndex()).isFalse();
        assertThat(image.manifest().layers()).hasSize(1);
    }
}
