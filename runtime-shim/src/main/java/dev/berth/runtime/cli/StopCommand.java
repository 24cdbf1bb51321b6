package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.OciRuntime;
import java.time.Duration;
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
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop running containers as docker stop does: SIGTERM, then SIGKILL after the grace time. "
                + "Their exit status is recorded (berth ps -a).")
public final class StopCommand implements Callable<Integer> {
    /** How long the exit status may take to be recorded once the container got SIGKILL. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(30);

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-t", "--time"},
            paramLabel = "S",
            defaultValue = "10",
            description = "seconds to wait for the container to exit before killing it (default: ${DEFAULT-VALUE})")
    int seconds;

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names = new ArrayList<>();

    public StopCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            if (seconds < 0) {
                throw new IllegalArgumentException("-t " + seconds + ": expected 0 or more seconds");
            }
            Containers containers = new Containers(environment);
            for (String name : names) {
                ContainerRecord record = containers.named(name);
                if (containers.running(record)) {
                    OciRuntime runtime = containers.runtime(record);
                    runtime.kill(name, "TERM");
                    if (containers
                                            .awaitExit(record, Duration.ofSeconds(seconds))
                                            .exitCode()
                                    == null
                            && containers.running(record)) {
                        runtime.kill(name, "KILL");
                        containers.awaitExit(record, AFTER_KILL);
                    }
                }
                spec.commandLine().getOut().println(name);
            }
            return 0;
        });
    }
}
