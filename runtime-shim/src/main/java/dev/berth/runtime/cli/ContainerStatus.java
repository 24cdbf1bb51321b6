package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.OciRuntime;
import dev.berth.runtime.runner.StateDir;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A container's status: the runtime's word while it knows the container (running, paused…),
 * otherwise what berth recorded ("exited N", or "stopped" when berth itself was killed first).
 */
final class ContainerStatus {
    private final Map<String, String> environment;
    private final StateDir state;

    ContainerStatus(Map<String, String> environment, StateDir state) {
        this.environment = environment;
        this.state = state;
    }

    String of(ContainerRecord record) throws IOException, InterruptedException {
        Optional<String> live = runtime(record).status(record.name());
        if (live.isPresent()) {
            return live.get();
        }
        return record.exitCode() == null ? "stopped" : "exited " + record.exitCode();
    }

    OciRuntime runtime(ContainerRecord record) {
        return OciRuntime.find(record.runtime(), environment, state);
    }
}
