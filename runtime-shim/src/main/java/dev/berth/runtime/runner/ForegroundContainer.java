package dev.berth.runtime.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * @param attachStdin whether the container reads berth's stdin; otherwise it reads /dev/null (docker run without -i)
     * @param ports       published once the container runs, and ended with it
     */
    public int run(Path bundle, String id, boolean attachStdin, Optional<PublishedPorts> ports)
            throws IOException, InterruptedException {
        Files.createDirectories(runtime.root());
        Process process = start(runtime.runCommand(bundle, id), attachStdin);
        try (SignalForwarder forwarder = new SignalForwarder(process.toHandle())) {
            try {
                if (ports.isPresent()) {
                    ports.get().attach(runtime, id, process);
                }
            } catch (IOException | RuntimeException e) {
                // The container runs already: end it rather than leave it unreachable.
                runtime.delete(id);
                process.waitFor();
                throw e;
            }
            return process.waitFor();
        } finally {
            if (ports.isPresent()) {
                ports.get().close();
            }
        }
    }

    public int exec(String id, boolean tty, boolean attachStdin, List<String> args)
            throws IOException, InterruptedException {
        return inForeground(runtime.execCommand(id, tty, args), attachStdin || tty);
    }

    private static int inForeground(List<String> command, boolean attachStdin)
            throws IOException, InterruptedException {
        Process process = start(command, attachStdin);
        try (SignalForwarder forwarder = new SignalForwarder(process.toHandle())) {
            return process.waitFor();
        }
    }

    private static Process start(List<String> command, boolean attachStdin) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (!attachStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return builder.start();
    }
}
