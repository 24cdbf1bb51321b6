package dev.berth.client.cli;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code berth}: the client's command line. Exit codes are {@link FailureKind}'s. */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Pulls, pushes, copies and inspects OCI images in registries and OCI image layouts.",
        subcommands = {LoginCommand.class, LogoutCommand.class, PullCommand.class, PushCommand.class,
                CopyCommand.class, InspectCommand.class, TagsCommand.class, CatalogCommand.class,
                DigestCommand.class, DeleteCommand.class, ReferrersCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:other failure", "2:usage error", "3:authentication failed",
                "4:not found", "5:verification failed (digest or size mismatch)", "6:network failure"})
public final class BerthCommand implements Runnable {
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
            FailureKind kind = exception instanceof ClientException failure ? failure.kind()
                    : exception instanceof IllegalArgumentException ? FailureKind.USAGE : FailureKind.OTHER;
            String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
            cmd.getErr().println("berth " + cmd.getCommandName() + ": " + message);
            cmd.getErr().flush();
            return kind.exitCode();
        });
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
