package dev.berth.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth system SUBCOMMAND}: what works on everything berth keeps on this machine. */
@Command(
        name = "system",
        mixinStandardHelpOptions = true,
        description = "Manages what berth keeps on this machine: containers and the layout cache.",
        subcommands = {SystemPruneCommand.class})
final class SystemCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: prune");
    }
}
