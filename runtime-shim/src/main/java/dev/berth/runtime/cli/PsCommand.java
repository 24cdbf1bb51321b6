package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.StateDir;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "ps",
        mixinStandardHelpOptions = true,
        description = "List the containers berth started and did not remove (--rm removes them on exit).")
public final class PsCommand implements Callable<Integer> {
    private static final String ROW = "%-20s %-12s %-6s %-30s %s%n";

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    public PsCommand() {
        this(System.getenv());
    }

    /** @param environment where BERTH_STATE_DIR and XDG_RUNTIME_DIR are looked up */
    public PsCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            StateDir state = StateDir.from(environment, HostIdentity.current());
            ContainerStatus statuses = new ContainerStatus(environment, state);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(ROW, "NAME", "STATUS", "RUNTIME", "CREATED", "IMAGE");
            for (ContainerRecord record : new ContainerStore(state).list()) {
                out.printf(ROW, record.name(), statuses.of(record), record.runtime(), record.created(), record.image());
            }
            out.flush();
            return 0;
        });
    }
}
