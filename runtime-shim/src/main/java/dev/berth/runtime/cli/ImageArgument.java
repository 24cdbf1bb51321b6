package dev.berth.runtime.cli;

import dev.berth.runtime.ImageSource;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.layout.OciLayout;
import java.nio.file.Path;

/**
 * The image argument of unpack and run: an OCI layout directory, optionally {@code :TAG}, is read
 * directly; anything else is a reference the {@link ImageSource} fetches.
 */
final class ImageArgument {
    private ImageArgument() {
    }

    static LocalImage resolve(String argument, ImageSource source) throws Exception {
        if (OciLayout.isLayout(Path.of(argument))) {
            return new LocalImage(Path.of(argument), null);
        }
        int colon = argument.lastIndexOf(':');
        if (colon > 0 && OciLayout.isLayout(Path.of(argument.substring(0, colon)))) {
            return new LocalImage(Path.of(argument.substring(0, colon)), argument.substring(colon + 1));
        }
        return source.fetch(argument);
    }
}
