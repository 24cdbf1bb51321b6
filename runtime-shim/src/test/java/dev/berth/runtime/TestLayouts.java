package dev.berth.runtime;

import com.github.luben.zstd.Zstd;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import dev.berth.testkit.image.LayerBlob;
import dev.berth.testkit.image.OciLayoutWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Images the runtime tests write for themselves, as OCI layouts tagged {@value #TAG}. */
public final class TestLayouts {
    public static final String TAG = "test";
    private static final String LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

    private TestLayouts() {}

    /** A layout of these layer tars, bottom first, each stored gzip-compressed. */
    public static LocalImage gzipLayers(Path layoutDir, byte[]... tars) {
        return write(layoutDir, Arrays.stream(tars).map(TestLayouts::gzip).toList());
    }

    public static LocalImage write(Path layoutDir, List<LayerBlob> layers) {
        OciLayoutWriter.writeImage(layoutDir, TAG, layers);
        return new LocalImage(layoutDir, TAG);
    }

    public static LayoutImage select(LocalImage image) {
        return ImageSelector.select(image);
    }

    public static LayerBlob gzip(byte[] tar) {
        return LayerBlob.gzip(tar);
    }

    public static LayerBlob zstd(byte[] tar) {
        return new LayerBlob(LAYER_ZSTD, tar, Zstd.compress(tar));
    }
}
