package dev.berth.runtime.cli;

import dev.berth.runtime.ImageSource;
import dev.berth.runtime.bundle.BundleWriter;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.layout.ImageConfig;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unpack", mixinStandardHelpOptions = true,
        description = "Unpack an image into an OCI runtime bundle (BUNDLE/rootfs and BUNDLE/config.json) "
                + "that runc or crun can run.")
public final class UnpackCommand implements Callable<Integer> {
    /** What config.json runs when the image names no command: runtime-spec requires one. */
    static final List<String> FALLBACK_COMMAND = List.of("sh");

    private final ImageSource source;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF|DIR[:TAG]", description = "an image reference, or an OCI layout directory")
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
            RunOptions options = RunOptions.defaults();
            ImageConfig config = layoutImage.config();
            if (config.entrypoint().isEmpty() && config.cmd().isEmpty()) {
                spec.commandLine().getErr().println("berth: the image names no command; config.json runs "
                        + String.join(" ", FALLBACK_COMMAND));
                options = options.withArgs(FALLBACK_COMMAND);
            }
            List<String> skipped = new BundleWriter(HostIdentity.current()).write(layoutImage, bundle, options);
            Skipped.warn(spec.commandLine().getErr(), skipped);
            spec.commandLine().getOut().println(bundle);
            return 0;
        });
    }
}
