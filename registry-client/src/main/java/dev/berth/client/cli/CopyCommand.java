package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.copy.ContentTarget;
import dev.berth.client.copy.Copier;
import dev.berth.client.copy.LayoutTarget;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = {
            "Copies an image, whole indexes included, between registries and OCI layouts.",
            "SRC and DST are registry references (optionally docker://REF) or oci:DIR[:TAG];",
            "SRC may also be docker-archive:FILE. Within one registry, blobs are mounted, not copied."
        })
final class CopyCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DST")
    String destination;

    @Override
    public void run() {
        BerthClient berth = client.client(root);
        ImageLocation from = ImageLocation.parse(source);
        FetchedManifest copied = new Copier(
                        client.jobs, client.progress(spec.commandLine().getErr()))
                .copy(from.source(berth), target(berth, ImageLocation.destination(destination)), Optional.empty());
        spec.commandLine().getOut().println("Copied " + source + " to " + destination + " (" + copied.digest() + ")");
    }

    private static ContentTarget target(BerthClient berth, ImageLocation location) {
        if (location instanceof ImageLocation.Registry registry) {
            return berth.target(registry.reference(berth));
        }
        if (location instanceof ImageLocation.Layout layout) {
            if (layout.tag() == null) {
                throw new ClientException(FailureKind.USAGE, "name the image in the layout: oci:DIR:TAG");
            }
            return new LayoutTarget(layout.dir(), layout.tag());
        }
        throw new ClientException(FailureKind.USAGE, "a docker archive can only be a source");
    }
}
