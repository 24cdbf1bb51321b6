package dev.berth.runtime.layout;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.runtime.LocalImage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the image manifest a {@link LocalImage} names: the index.json entry with that ref name
 * (or the only entry when no name is given), and inside an image index the manifest for this
 * machine's platform.
 */
public final class ImageSelector {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private ImageSelector() {
    }

    public static LayoutImage select(LocalImage image) {
        OciLayout layout = OciLayout.open(image.layout());
        Descriptor entry = entry(layout, image.refName());
        Manifest manifest = layout.readManifest(entry);
        if (manifest.isIndex()) {
            Descriptor forPlatform = forThisPlatform(manifest.manifests(), image);
            manifest = layout.readManifest(forPlatform);
        }
        if (manifest.isIndex() || manifest.config() == null) {
            throw new ImageException(describe(image) + " is not a runnable image");
        }
        ImageConfig config = ImageConfig.parse(layout.readSmallBlob(manifest.config()));
        if (!config.diffIds().isEmpty() && config.diffIds().size() != manifest.layers().size()) {
            throw new ImageException(describe(image) + ": its config lists " + config.diffIds().size()
                    + " layers, its manifest " + manifest.layers().size());
        }
        return new LayoutImage(layout, manifest, config);
    }

    private static Descriptor entry(OciLayout layout, String refName) {
        List<Descriptor> entries = layout.index();
        if (refName == null || refName.isEmpty()) {
            if (entries.size() != 1) {
                throw new ImageException("the layout " + layout.dir() + " holds " + entries.size()
                        + " images; name one as DIR:TAG (tags: " + tags(entries) + ")");
            }
            return entries.get(0);
        }
        return entries.stream()
                .filter(d -> refName.equals(d.annotations().get(REF_NAME)))
                .findFirst()
                .orElseThrow(() -> new ImageException("the layout " + layout.dir() + " has no image tagged "
                        + refName + " (tags: " + tags(entries) + ")"));
    }

    private static Descriptor forThisPlatform(List<Descriptor> manifests, LocalImage image) {
        String architecture = HostPlatform.architecture();
        return manifests.stream()
                .filter(d -> "linux".equals(d.platform().get("os")) && architecture.equals(d.platform().get("architecture")))
                .findFirst()
                .orElseThrow(() -> new ImageException(describe(image) + " has no image for linux/" + architecture));
    }

    private static String tags(List<Descriptor> entries) {
        return entries.stream().map(d -> d.annotations().getOrDefault(REF_NAME, d.digest().toString()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(LocalImage image) {
        return image.layout() + (image.refName() == null ? "" : ":" + image.refName());
    }
}
