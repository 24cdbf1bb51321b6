package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.StateDir;
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
        description = "Remove containers: their bundle and the runtime's state.")
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
            StateDir state = StateDir.from(environment, HostIdentity.current());
            ContainerStore store = new ContainerStore(state);
            ContainerStatus statuses = new ContainerStatus(environment, state);
            for (String name : names) {
                ContainerRecord record =
                        store.find(name).orElseThrow(() -> new IllegalArgumentException("no container named " + name));
                if (statuses.of(record).equals("running") && !force) {
                    throw new IllegalArgumentException(name + " is running; stop it or use berth rm -f " + name);
                }
                statuses.runtime(record).delete(name);
                store.remove(name);
                spec.commandLine().getOut().println(name);
            }
            return 0;
        });
    }
}
