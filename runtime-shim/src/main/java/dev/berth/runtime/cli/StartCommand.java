package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.DetachedContainer;
import dev.berth.runtime.runner.OciRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Start containers that ended again, in the background, from their bundle as it is now; "
                + "their output is added to berth logs.")
public final class StartCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names = new ArrayList<>();

    public StartCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            Containers containers = new Containers(environment);
            ContainerStore store = containers.store();
            for (String name : names) {
                ContainerRecord record = containers.named(name);
                OciRuntime runtime = containers.runtime(record);
                if (containers.alive(record)) {
                    throw new IllegalArgumentException(
                            name + " is " + containers.status(record) + "; only a container that ended can be started");
                }
                store.restarting(record);
                new DetachedContainer(runtime)
                        .start(
                                store.bundle(name),
                                name,
                                store.log(name),
                                store.exitStatus(name),
                                Optional.empty(),
                                ContainerRun.publishedPorts(record, store, HostIdentity.current(), environment));
                spec.commandLine().getOut().println(name);
            }
            return 0;
        });
    }
}
