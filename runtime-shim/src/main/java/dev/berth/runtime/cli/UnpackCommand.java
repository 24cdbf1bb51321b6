package dev.berth.runtime.cli;

import dev.berth.runtime.ImageSource;
import dev.berth.runtime.bundle.BundleWriter;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "unpack",
        mixinStandardHelpOptions = true,
        description = "Unpack an image into an OCI runtime bundle (BUNDLE/rootfs and BUNDLE/config.json) "
                + "that runc or crun can run.")
public final class UnpackCommand implements Callable<Integer> {
    private final ImageSource source;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "REF|DIR[:TAG]",
            description = "an image reference, or an OCI layout directory")
    String image;

    @Parameters(index = "1", paramLabel = "BUNDLE", description = "the bundle directory to create (must be empty)")
    Path bundle;

    public UnpackCommand(ImageSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            LayoutImage layoutImage = ImageSelector.select(ImageArgument.resolve(image, source));
            List<String> skipped =
                    new BundleWriter(HostIdentity.current()).write(layoutImage, bundle, RunOptions.defaults());
            Skipped.warn(spec.commandLine().getErr(), skipped);
            spec.commandLine().getOut().println(bundle);
            return 0;
        });
    }
}
