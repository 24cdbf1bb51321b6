package dev.berth.runtime.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a container, or a further process in one, in the foreground with berth's own stdin,
 * stdout and stderr (or terminal): the runtime's {@code run} creates, starts, waits for and then
 * destroys the container, its {@code exec} waits for the process, and the exit status is the
 * process's (128+N when signal N killed it).
 */
public final class ForegroundContainer {
    private final OciRuntime runtime;

    public ForegroundContainer(OciRuntime runtime) {
        this.runtime = runtime;
    }

    public int run(Path bundle, String id) throws IOException, InterruptedException {
        Files.createDirectories(runtime.root());
        return inForeground(runtime.runCommand(bundle, id));
    }

    public int exec(String id, boolean tty, List<String> args) throws IOException, InterruptedException {
        return inForeground(runtime.execCommand(id, tty, args));
    }

    private static int inForeground(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        try (SignalForwarder forwarder = new SignalForwarder(process.toHandle())) {
            return process.waitFor();
        }
    }
}
