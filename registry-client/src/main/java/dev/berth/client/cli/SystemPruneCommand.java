package dev.berth.client.cli;

import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.layout.LayoutPruner;
import dev.berth.runtime.cli.ContainerPrune;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth system prune}: the containers that ended, then the layout cache's blobs no image
 * needs. Containers first: a running one keeps its own bundle, so neither half waits for the other.
 */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = "Removes the containers that ended (as rm would), then deletes the blobs of the layout"
                + " cache that no image there needs (as image prune does). Running containers and tagged"
                + " images stay.")
final class SystemPruneCommand implements Callable<Integer> {
    @ParentCommand
    SystemCommand system;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> containers = ContainerPrune.removeEnded(system.root.environment());
        containers.forEach(name -> out.println("Deleted container " + name));
        ImagePruneCommand.report(
                new LayoutPruner(LayoutCacheImageSource.defaultCache(system.root.environment())).prune(), out);
        return 0;
    }
}
