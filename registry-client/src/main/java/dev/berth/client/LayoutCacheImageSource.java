package dev.berth.client;

import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.LayoutException;
import dev.berth.oci.layout.OciLayout;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.layout.ImageException;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code berth run} and {@code berth unpack} get images from registries: one shared OCI
 * layout (the cache), each image pulled for this machine's platform and tagged under its full
 * normalised reference; blobs already there are not downloaded again. The runtime shim is then
 * handed the image in that layout and never fetches anything itself.
 */
public final class LayoutCacheImageSource {
    private final BerthClient client;
    private final Path cache;
    private final ProgressListener progress;

    public LayoutCacheImageSource(BerthClient client, Path cache, ProgressListener progress) {
        this.client = client;
        this.cache = cache;
        this.progress = progress;
    }

    /** {@code $BERTH_CACHE}, else {@code $XDG_CACHE_HOME/berth/images}, else {@code ~/.cache/berth/images}. */
    public static Path defaultCache(Map<String, String> environment) {
        String explicit = environment.get("BERTH_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("berth").resolve("images");
    }

    /** The image {@code reference} names, in the cache; pulled first as {@code policy} says. */
    public LocalImage fetch(String reference, PullPolicy policy) {
        Reference parsed;
        try {
            parsed = Reference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new ClientException(
                    FailureKind.USAGE, "no such image or layout: " + reference + " (" + e.getMessage() + ")", e);
        }
        LocalImage image = new LocalImage(cache, parsed.toString());
        if (policy == PullPolicy.ALWAYS || (policy == PullPolicy.MISSING && !complete(image))) {
            client.pull(parsed, cache, image.refName(), Optional.of(Platform.current()), progress);
        } else if (policy == PullPolicy.NEVER && !complete(image)) {
            throw new ClientException(
                    FailureKind.NOT_FOUND,
                    reference + " is not in the layout cache " + cache + ", and --pull never forbids pulling it");
        }
        return image;
    }

    /** Whether the cache holds the image whole: its entry, manifest and config readable, every layer blob there. */
    private static boolean complete(LocalImage image) {
        if (!OciLayout.isMarked(image.layout())) {
            return false;
        }
        try {
            LayoutImage cached = ImageSelector.select(image);
            for (Descriptor layer : cached.manifest().layers()) {
                Path blob = cached.layout().blobPath(layer.digest());
                if (!Files.isRegularFile(blob) || Files.size(blob) != layer.size()) {
                    return false;
                }
            }
            return true;
        } catch (LayoutException | ImageException | IOException | UncheckedIOException e) {
            return false;
        }
    }
}
