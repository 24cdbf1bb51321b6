package dev.berth.runtime.cli;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.bundle.BundleWriter;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.layout.ImageSelector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code berth unpack} once the image is in a local layout: a bundle runc or crun can run, with default options. */
public final class BundleUnpack {
    private BundleUnpack() {}

    public static void unpack(LocalImage image, Path bundle, PrintWriter err) throws IOException {
        Skipped.warn(
                err,
                new BundleWriter(HostIdentity.current())
                        .write(ImageSelector.select(image), bundle, RunOptions.defaults()));
    }
}
