package dev.berth.runtime.cli;

import dev.berth.runtime.LocalImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The runtime commands as a program of their own, for tests that must see what a real process
 * sees: the container's stdio inherited, its exit status, signals sent to berth. Its run and
 * unpack take OCI layout directories only; the client's {@code berth} resolves registry
 * references into its layout cache and then calls the same {@link ContainerRun} and
 * {@link BundleUnpack}.
 */
@Command(name = "berth")
public final class ShimLauncher {
    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new ShimLauncher())
                .addSubcommand(new LayoutRun(environment))
                .addSubcommand(new LayoutUnpack())
                .addSubcommand(new PsCommand(environment))
                .addSubcommand(new RmCommand(environment))
                .addSubcommand(new LogsCommand(environment))
                .addSubcommand(new StopCommand(environment))
                .addSubcommand(new KillCommand(environment))
                .addSubcommand(new StartCommand(environment))
                .addSubcommand(new ExecCommand(environment));
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.getSubcommands().get("exec").setStopAtPositional(true);
        cli.setParameterExceptionHandler((e, args) -> Failures.usage(e));
        return cli;
    }

    private static LocalImage layout(String argument) {
        return LayoutArgument.parse(argument)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no OCI layout at " + argument + " (and no registry in this test)"));
    }

    @Command(name = "run")
    static final class LayoutRun implements Callable<Integer> {
        private final Map<String, String> environment;

        @Spec
        CommandSpec spec;

        @Mixin
        RunArguments arguments;

        LayoutRun(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            ContainerRun run = new ContainerRun(
                    environment, spec.commandLine().getOut(), spec.commandLine().getErr());
            return Failures.reported(spec.commandLine().getErr(), () -> {
                run.checkOptions(arguments);
                return run.run(layout(arguments.image()), arguments);
            });
        }
    }

    @Command(name = "unpack")
    static final class LayoutUnpack implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0")
        String image;

        @Parameters(index = "1")
        Path bundle;

        @Override
        public Integer call() {
            return Failures.reported(spec.commandLine().getErr(), () -> {
                BundleUnpack.unpack(layout(image), bundle, spec.commandLine().getErr());
                spec.commandLine().getOut().println(bundle);
                return 0;
            });
        }
    }
}
