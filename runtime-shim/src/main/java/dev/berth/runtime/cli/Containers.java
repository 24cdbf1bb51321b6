package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.OciRuntime;
import dev.berth.runtime.runner.StateDir;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * berth's containers as the commands that name one (ps, rm, logs, stop, kill, start, exec) see
 * them: the record on disk and the runtime's word on whether it runs.
 */
final class Containers {
    private final Map<String, String> environment;
    private final StateDir state;
    private final ContainerStore store;

    /** @param environment where BERTH_STATE_DIR, XDG_RUNTIME_DIR and PATH are looked up */
    Containers(Map<String, String> environment) {
        this.environment = environment;
        this.state = StateDir.from(environment, HostIdentity.current());
        this.store = new ContainerStore(state);
    }

    ContainerStore store() {
        return store;
    }

    /** @throws IllegalArgumentException when berth has no container of that name */
    ContainerRecord named(String name) throws IOException {
        return store.find(name).orElseThrow(() -> new IllegalArgumentException("no container named " + name));
    }

    /**
     * The runtime's word while it knows the container (running, paused…), otherwise what berth
     * recorded ("exited N", or "stopped" when nothing recorded how it ended).
     */
    String status(ContainerRecord record) throws IOException, InterruptedException {
        Optional<String> live = runtime(record).status(record.name());
        if (live.isPresent()) {
            return live.get();
        }
        ContainerRecord latest = store.find(record.name()).orElse(record);
        return latest.exitCode() == null ? "stopped" : "exited " + latest.exitCode();
    }

    boolean running(ContainerRecord record) throws IOException, InterruptedException {
        return runtime(record).status(record.name()).filter("running"::equals).isPresent();
    }

    /** Whether the runtime knows the container still (created, running or paused): it has not ended. */
    boolean alive(ContainerRecord record) throws IOException, InterruptedException {
        return runtime(record).status(record.name()).isPresent();
    }

    OciRuntime runtime(ContainerRecord record) {
        return OciRuntime.find(record.runtime(), environment, state);
    }

    /** Waits up to {@code patience} for the container's exit status to be recorded, and returns the record then. */
    ContainerRecord awaitExit(ContainerRecord record, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        ContainerRecord latest = named(record.name());
        // A container removed on exit (--rm) records nothing: its directory going is its end.
        while (latest.exitCode() == null
                && Files.isDirectory(store.dir(record.name()))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            latest = store.find(record.name()).orElse(latest);
        }
        return latest;
    }
}
