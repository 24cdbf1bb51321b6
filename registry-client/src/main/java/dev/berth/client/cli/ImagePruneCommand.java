package dev.berth.client.cli;

import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.layout.LayoutPruner;
import dev.berth.client.progress.ByteSizes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = "Deletes the blobs of the layout cache that no image there needs (left by rmi or by images"
                + " whose tag moved on).")
final class ImagePruneCommand implements Runnable {
    @ParentCommand
    ImageCommand image;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        report(
                new LayoutPruner(LayoutCacheImageSource.defaultCache(image.root.environment())).prune(),
                spec.commandLine().getOut());
    }

    static void report(LayoutPruner.Pruned pruned, PrintWriter out) {
        out.println("Deleted " + pruned.blobs() + " blobs, " + ByteSizes.format(pruned.bytes()) + " freed");
    }
}
