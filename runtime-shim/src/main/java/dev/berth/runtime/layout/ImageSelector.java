package dev.berth.runtime.layout;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.oci.PlatformSelection;
import dev.berth.oci.layout.OciLayout;
import dev.berth.runtime.LocalImage;
import java.util.List;

/**
 * Finds the image manifest a {@link LocalImage} names: the index.json entry with that ref name
 * (or the only entry when no name is given), and inside an image index the manifest for this
 * machine's platform.
 */
public final class ImageSelector {
    private ImageSelector() {}

    public static LayoutImage select(LocalImage image) {
        OciLayout layout = OciLayout.open(image.layout());
        Manifest manifest = layout.readManifest(layout.find(image.refName()));
        if (manifest.isIndex()) {
            Descriptor forPlatform = forThisPlatform(manifest.manifests(), image);
            manifest = layout.readManifest(forPlatform);
        }
        if (manifest.isIndex() || manifest.config() == null) {
            throw new ImageException(describe(image) + " is not a runnable image");
        }
        ImageConfig config = ImageConfig.parse(layout.readSmallBlob(manifest.config()));
        if (!config.diffIds().isEmpty()
                && config.diffIds().size() != manifest.layers().size()) {
            throw new ImageException(
                    describe(image) + ": its config lists " + config.diffIds().size() + " layers, its manifest "
                            + manifest.layers().size());
        }
        return new LayoutImage(layout, manifest, config);
    }

    /** Chosen as docker pull chooses (arm variants included); containers here are always Linux ones. */
    private static Descriptor forThisPlatform(List<Descriptor> manifests, LocalImage image) {
        Platform host = new Platform("linux", Platform.current().architecture(), null);
        return PlatformSelection.choose(manifests, host)
                .orElseThrow(() -> new ImageException(describe(image) + " has no image for " + host));
    }

    private static String describe(LocalImage image) {
        return image.layout() + (image.refName() == null ? "" : ":" + image.refName());
    }
}
