package dev.berth.runtime.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a container in the foreground with berth's own stdin, stdout and stderr (or terminal):
 * the runtime's {@code run} creates, starts, waits for and then destroys the container, and its
 * exit status is the container process's (128+N when signal N killed it).
 */
public final class ForegroundContainer {
    private final OciRuntime runtime;

    public ForegroundContainer(OciRuntime runtime) {
        this.runtime = runtime;
    }

    public int run(Path bundle, String id) throws IOException, InterruptedException {
        Files.createDirectories(runtime.root());
        Process process =
                new ProcessBuilder(runtime.runCommand(bundle, id)).inheritIO().start();
        try (SignalForwarder forwarder = new SignalForwarder(process.toHandle())) {
            return process.waitFor();
        }
    }
}
