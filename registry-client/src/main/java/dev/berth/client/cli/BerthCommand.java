package dev.berth.client.cli;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.auth.DockerConfig;
import dev.berth.oci.layout.LayoutException;
import dev.berth.runtime.ImageSource;
import dev.berth.runtime.cli.PsCommand;
import dev.berth.runtime.cli.RmCommand;
import dev.berth.runtime.cli.RunCommand;
import dev.berth.runtime.cli.UnpackCommand;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
            ImagesCommand.class,
            RmiCommand.class,
            ImageCommand.class
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
            "7:local failure (disk full, a file that cannot be written)",
            "125:run, unpack, ps, rm: berth itself failed (run otherwise exits with the container's status)"
        })
public final class BerthCommand implements Runnable {
    @Spec
    CommandSpec spec;

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
        // The runtime shim's commands, built here because they are handed how to fetch an image,
        // which takes the client's options (--plain-http, --ca-cert, --jobs, --quiet) as pull does.
        addFetching(commandLine, "unpack", UnpackCommand::new, environment);
        addFetching(commandLine, "run", images -> new RunCommand(images, environment), environment);
        commandLine.addSubcommand(new PsCommand(environment));
        commandLine.addSubcommand(new RmCommand(environment));
        // After every subcommand is added: the setting reaches those added before it.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static void addFetching(
            CommandLine commandLine,
            String name,
            Function<ImageSource, Object> command,
            Map<String, String> environment) {
        ClientMixin options = new ClientMixin();
        commandLine.addSubcommand(command.apply(imageCache(environment, commandLine, options)));
        commandLine.getSubcommands().get(name).addMixin("client", options);
    }

    /**
     * Pulls for {@code run} and {@code unpack} into the shared layout cache, verified like any pull,
     * with the command's client options (read when it fetches, after parsing) and docker's credentials.
     */
    private static ImageSource imageCache(
            Map<String, String> environment, CommandLine commandLine, ClientMixin options) {
        return reference -> new LayoutCacheImageSource(
                        options.client(DockerConfig.fromEnvironment(environment)),
                        LayoutCacheImageSource.defaultCache(environment),
                        options.progress(commandLine.getErr()))
                .fetch(reference);
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Bare {@code berth}: the usage with every command, those added in {@link #commandLine} included. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
