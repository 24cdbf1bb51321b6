package dev.berth.registry.cli;

import dev.berth.registry.LaunchException;
import dev.berth.registry.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/**
 * The berth-registry command. Exit codes: 0 success, 1 the registry could not start (port taken,
 * storage unusable) or gc or scrub could not finish, 2 bad command line or configuration, 3 scrub
 * found damage it did not repair; after SIGTERM or SIGINT the JVM exits with 128 + the signal
 * number (143, 130) once the registry has stopped.
 */
@Command(
        name = "berth-registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An OCI distribution registry.",
        subcommands = {ServeCommand.class, GcCommand.class, ScrubCommand.class, CommandLine.HelpCommand.class})
public final class BerthRegistryCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with berth-registry's error handling. It has no action of its own, so
     * picocli answers a missing subcommand with the usage and exit code 2.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new BerthRegistryCommand())
                .setExecutionExceptionHandler(BerthRegistryCommand::reportFailure);
    }

    /** Operator mistakes and start failures get their message, not a stack trace. */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof ConfigException) {
            command.getErr().println("berth-registry: " + failure.getMessage());
            return ExitCode.USAGE;
        }
        if (failure instanceof LaunchException) {
            command.getErr().println("berth-registry: " + failure.getMessage());
            return ExitCode.SOFTWARE;
        }
        throw failure;
    }
}
