package dev.berth.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth image SUBCOMMAND}: what works on the layout cache as a whole. */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = "Manages the layout cache berth run pulls into.",
        subcommands = {ImagePruneCommand.class})
final class ImageCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: prune");
    }
}
