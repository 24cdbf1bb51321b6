package dev.berth.runtime.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A container's {@code -p} ports: once the runtime reports the container's process, its network
 * namespace gets slirp4netns with the forwardings. The process may already run by then (runc's
 * {@code run} gives no moment in between); a server binding its port on all addresses is reached
 * as soon as the forwarding exists.
 */
public final class PublishedPorts {
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final SlirpNetwork network;
    private final List<PortMapping> ports;
    private final Path dir;
    private final boolean rootless;

    /** @param dir the container's directory, where slirp4netns keeps its pid file, socket and log */
    public PublishedPorts(SlirpNetwork network, List<PortMapping> ports, Path dir, boolean rootless) {
        this.network = network;
        this.ports = List.copyOf(ports);
        this.dir = dir;
        this.rootless = rootless;
    }

    /** Waits for the container's process while {@code runtimeProcess} lives, then publishes the ports. */
    void attach(OciRuntime runtime, String id, Process runtimeProcess) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        Optional<Long> pid = runtime.pid(id);
        while (pid.isEmpty() && runtimeProcess.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            pid = runtime.pid(id);
        }
        if (pid.isPresent()) {
            network.attach(pid.get(), dir, rootless, ports);
        }
    }

    void close() throws IOException {
        SlirpNetwork.stop(dir);
    }
}
