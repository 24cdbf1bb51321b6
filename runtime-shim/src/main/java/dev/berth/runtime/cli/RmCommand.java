package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
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
        name = "rm",
        mixinStandardHelpOptions = true,
        description = "Remove containers: their bundle, log and the runtime's state.")
public final class RmCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-f", "--force"},
            description = "kill a running container first")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names = new ArrayList<>();

    public RmCommand() {
        this(System.getenv());
    }

    /** @param environment where BERTH_STATE_DIR, XDG_RUNTIME_DIR and PATH are looked up */
    public RmCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            Containers containers = new Containers(environment);
            for (String name : names) {
                ContainerRecord record = containers.named(name);
                if (containers.running(record) && !force) {
                    throw new IllegalArgumentException(name + " is running; stop it or use berth rm -f " + name);
                }
                containers.runtime(record).delete(name);
                containers.store().remove(name);
                spec.commandLine().getOut().println(name);
            }
            return 0;
        });
    }
}
