package dev.berth.runtime.cli;

import dev.berth.oci.layout.OciLayout;
import dev.berth.runtime.ImageSource;
import dev.berth.runtime.LocalImage;
import java.nio.file.Path;

/**
 * The image argument of unpack and run: an OCI layout directory, optionally {@code :TAG}, is read
 * directly; anything else is a reference the {@link ImageSource} fetches. A directory counts as a
 * layout by its oci-layout file alone, so that a broken one (no index.json, say) is refused with
 * the layout's own reason instead of being looked up in a registry under its path.
 */
final class ImageArgument {
    private ImageArgument() {}

    static LocalImage resolve(String argument, ImageSource source) throws Exception {
        if (OciLayout.isMarked(Path.of(argument))) {
            return new LocalImage(Path.of(argument), null);
        }
        int colon = argument.lastIndexOf(':');
        if (colon > 0 && OciLayout.isMarked(Path.of(argument.substring(0, colon)))) {
            return new LocalImage(Path.of(argument.substring(0, colon)), argument.substring(colon + 1));
        }
        return source.fetch(argument);
    }
}
