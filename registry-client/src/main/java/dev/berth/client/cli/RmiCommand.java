package dev.berth.client.cli;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.layout.LayoutPruner;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.OciLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "rmi",
        mixinStandardHelpOptions = true,
        description = {
            "Removes images from the layout cache (berth images lists them), and the blobs no other image there needs.",
            "Containers keep running: they run from bundles of their own."
        })
final class RmiCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "REF",
            arity = "1..*",
            description = "The images, as berth run and berth images name them.")
    List<String> references;

    @Override
    public void run() {
        Path cache = LayoutCacheImageSource.defaultCache(root.environment());
        LayoutPruner pruner = new LayoutPruner(cache);
        PrintWriter out = spec.commandLine().getOut();
        for (String reference : references) {
            // The cache names each image by its full normalised reference, as berth run pulled it.
            String refName = Reference.parse(reference).toString();
            if (!OciLayout.isMarked(cache) || !pruner.untag(refName)) {
                throw new ClientException(
                        FailureKind.NOT_FOUND, "no such image in the layout cache " + cache + ": " + reference);
            }
            out.println("Untagged " + refName);
        }
        ImagePruneCommand.report(pruner.prune(), out);
    }
}
