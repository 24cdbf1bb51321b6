package dev.berth.runtime.cli;

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
        name = "kill",
        mixinStandardHelpOptions = true,
        description = "Send a signal to running containers (default SIGKILL, as docker kill).")
public final class KillCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-s", "--signal"},
            paramLabel = "SIG",
            defaultValue = "KILL",
            description = "the signal, by name (TERM, SIGHUP…) or number (default: ${DEFAULT-VALUE})")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names = new ArrayList<>();

    public KillCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            Containers containers = new Containers(environment);
            for (String name : names) {
                containers.runtime(containers.named(name)).kill(name, signal);
                spec.commandLine().getOut().println(name);
            }
            return 0;
        });
    }
}
