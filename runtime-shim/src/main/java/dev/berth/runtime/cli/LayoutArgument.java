package dev.berth.runtime.cli;

import dev.berth.oci.layout.OciLayout;
import dev.berth.runtime.LocalImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image argument that names an OCI layout directory, optionally {@code :TAG}. A directory
 * counts as a layout by its oci-layout file alone, so that a broken one (no index.json, say) is
 * refused with the layout's own reason instead of being taken for a registry reference.
 */
public final class LayoutArgument {
    private LayoutArgument() {}

    /** The layout image {@code argument} names, or empty when it names no layout directory. */
    public static Optional<LocalImage> parse(String argument) {
        if (OciLayout.isMarked(Path.of(argument))) {
            return Optional.of(new LocalImage(Path.of(argument), null));
        }
        int colon = argument.lastIndexOf(':');
        if (colon > 0 && OciLayout.isMarked(Path.of(argument.substring(0, colon)))) {
            return Optional.of(new LocalImage(Path.of(argument.substring(0, colon)), argument.substring(colon + 1)));
        }
        return Optional.empty();
    }
}
