package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.ExecutableCheck;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ForegroundContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Run a command in a running container, with its environment, working directory and user; "
                + "exits with the command's exit status.")
public final class ExecCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-t", "--tty"},
            description = "give the command a terminal (berth's stdin must be one)")
    boolean tty;

    @Option(
            names = {"-i", "--interactive"},
            description = "pass berth's stdin to the command (without it, and without -t, it reads /dev/null)")
    boolean interactive;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "the command and its arguments")
    List<String> command = new ArrayList<>();

    public ExecCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            if (tty && System.console() == null) {
                throw new IllegalArgumentException("-t needs berth's stdin and stdout to be a terminal");
            }
            Containers containers = new Containers(environment);
            ContainerRecord record = containers.named(name);
            if (!containers.running(record)) {
                throw new IllegalArgumentException(name + " is " + containers.status(record) + ", not running");
            }
            // runc and crun report a command they cannot start only as their own failure (runc exec: 255).
            ExecutableCheck.check(containers.store().bundle(name), command.get(0));
            return new ForegroundContainer(containers.runtime(record)).exec(name, tty, interactive, command);
        });
    }
}
