package dev.berth.runtime.cli;

import dev.berth.runtime.ImageSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The runtime commands as a program of their own, for tests that must see what a real process
 * sees: the container's stdio inherited, its exit status, signals sent to berth. Images come
 * from layout directories only; the lead's `berth` CLI registers the same commands with the
 * client's pulling {@link ImageSource}.
 */
@Command(name = "berth")
public final class ShimLauncher {
    static final ImageSource NO_REGISTRY = reference -> {
        throw new IllegalArgumentException("no registry in this test, and " + reference + " is no OCI layout");
    };

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ShimLauncher())
                .addSubcommand(new UnpackCommand(NO_REGISTRY))
                .addSubcommand(new RunCommand(NO_REGISTRY))
                .addSubcommand(new PsCommand())
                .addSubcommand(new RmCommand());
        System.exit(cli.execute(args));
    }
}
