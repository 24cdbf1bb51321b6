package dev.berth.runtime.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.conformance.interop.LayerTar;
import dev.berth.conformance.interop.OciLayoutWriter;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import java.io.IOException;
import java.nio.file.Files;
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

    @Test
    @DisplayName("names the tags it has when the tag is unknown or several images need one")
    void unknownTag() {
        OciLayoutWriter.writeArtifactWithSubject(layout, "subject", "artifact");
        assertThatThrownBy(() -> ImageSelector.select(new LocalImage(layout, "latest")))
                .isInstanceOf(ImageException.class).hasMessageContaining("no image tagged latest").hasMessageContaining("subject");
        assertThatThrownBy(() -> ImageSelector.select(new LocalImage(layout, null)))
                .isInstanceOf(ImageException.class).hasMessageContaining("holds 2 images");
    }

    @Test
    @DisplayName("refuses a directory that is no layout, and a manifest whose blob was altered")
    void brokenLayouts() throws IOException {
        assertThatThrownBy(() -> ImageSelector.select(new LocalImage(layout, null)))
                .isInstanceOf(ImageException.class).hasMessageContaining("not an OCI image layout");
        TestLayouts.gzipLayers(layout, new LayerTar().file("a", "a").toBytes());
        Path manifest = ImageSelector.select(new LocalImage(layout, null)).layout().dir().resolve("blobs/sha256")
                .resolve(OciLayout.open(layout).index().get(0).digest().encoded());
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\":2", "\"schemaVersion\":3"));
        assertThatThrownBy(() -> ImageSelector.select(new LocalImage(layout, null)))
                .isInstanceOf(ImageException.class).hasMessageContaining("digest");
    }
}
