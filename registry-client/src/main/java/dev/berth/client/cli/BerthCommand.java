package dev.berth.client.cli;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.oci.layout.LayoutException;
import dev.berth.runtime.cli.ExecCommand;
import dev.berth.runtime.cli.Failures;
import dev.berth.runtime.cli.KillCommand;
import dev.berth.runtime.cli.LogsCommand;
import dev.berth.runtime.cli.PsCommand;
import dev.berth.runtime.cli.RmCommand;
import dev.berth.runtime.cli.StartCommand;
import dev.berth.runtime.cli.StopCommand;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code berth}: the client's command line. Exit codes are {@link FailureKind}'s. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Pulls, pushes, copies and inspects OCI images in registries and OCI image layouts,"
                + " and runs them with runc or crun.",
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            PullCommand.class,
            PushCommand.class,
            CopyCommand.class,
            InspectCommand.class,
            TagsCommand.class,
            CatalogCommand.class,
            DigestCommand.class,
            DeleteCommand.class,
            ReferrersCommand.class,
            UnpackCommand.class,
            RunCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:other failure",
            "2:usage error",
            "3:authentication failed",
            "4:not found",
            "5:verification failed (digest or size mismatch)",
            "6:network failure",
            "125:run, unpack and the container commands: berth itself failed, a bad option included (run otherwise exits with the container's status)",
            "126:run: the command in the image cannot be executed",
            "127:run: the command is not in the image"
        })
public final class BerthCommand implements Runnable {
    /** The commands that exit 125 on berth's own failures, bad options included, as docker run does. */
    private static final Set<String> CONTAINER_COMMANDS =
            Set.of("run", "unpack", "ps", "rm", "logs", "stop", "kill", "start", "exec");

    private final Map<String, String> environment;
    private final InputStream stdin;

    BerthCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = environment;
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.in).execute(args));
    }

    /** The command line as {@code berth} runs it, with the environment and stdin it reads. */
    public static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        CommandLine commandLine = new CommandLine(new BerthCommand(environment, stdin));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            FailureKind kind = exception instanceof ClientException failure
                    ? failure.kind()
                    : exception instanceof LayoutException layout
                            ? FailureKind.of(layout)
                            : exception instanceof IllegalArgumentException ? FailureKind.USAGE : FailureKind.OTHER;
            String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
            cmd.getErr().println("berth " + cmd.getCommandName() + ": " + message);
            cmd.getErr().flush();
            return kind.exitCode();
        });
        // The runtime shim's commands that need no image read the state directory from the
        // environment berth runs with.
        commandLine.addSubcommand(new PsCommand(environment));
        commandLine.addSubcommand(new RmCommand(environment));
        commandLine.addSubcommand(new LogsCommand(environment));
        commandLine.addSubcommand(new StopCommand(environment));
        commandLine.addSubcommand(new KillCommand(environment));
        commandLine.addSubcommand(new StartCommand(environment));
        commandLine.addSubcommand(new ExecCommand(environment));
        // As with docker run and exec, everything after the image or name is the command, options too.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((exception, args) ->
                CONTAINER_COMMANDS.contains(exception.getCommandLine().getCommandName())
                        ? Failures.usage(exception)
                        : usage.handleParseException(exception, args));
        return commandLine;
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command (berth --help lists them)");
    }
}
