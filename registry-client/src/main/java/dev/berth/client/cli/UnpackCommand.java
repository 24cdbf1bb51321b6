package dev.berth.client.cli;

import dev.berth.runtime.cli.BundleUnpack;
import dev.berth.runtime.cli.Failures;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "unpack",
        mixinStandardHelpOptions = true,
        description = "Unpack an image into an OCI runtime bundle (BUNDLE/rootfs and BUNDLE/config.json) "
                + "that runc or crun can run.")
final class UnpackCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ImagePulling pulling;

    @Parameters(
            index = "0",
            paramLabel = "REF|DIR[:TAG]",
            description = "an image reference, or an OCI layout directory")
    String image;

    @Parameters(index = "1", paramLabel = "BUNDLE", description = "the bundle directory to create (must be empty)")
    Path bundle;

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            BundleUnpack.unpack(
                    pulling.resolve(image, root, spec.commandLine().getErr()),
                    bundle,
                    spec.commandLine().getErr());
            spec.commandLine().getOut().println(bundle);
            return 0;
        });
    }
}
