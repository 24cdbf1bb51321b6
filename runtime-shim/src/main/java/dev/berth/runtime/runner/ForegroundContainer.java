package dev.berth.runtime.runner;

import java.io.File;
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

    /** @param attachStdin whether the container reads berth's stdin; otherwise it reads /dev/null (docker run without -i) */
    public int run(Path bundle, String id, boolean attachStdin) throws IOException, InterruptedException {
        Files.createDirectories(runtime.root());
        return inForeground(runtime.runCommand(bundle, id), attachStdin);
    }

    public int exec(String id, boolean tty, boolean attachStdin, List<String> args)
            throws IOException, InterruptedException {
        return inForeground(runtime.execCommand(id, tty, args), attachStdin || tty);
    }

    private static int inForeground(List<String> command, boolean attachStdin)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (!attachStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        try (SignalForwarder forwarder = new SignalForwarder(process.toHandle())) {
            return process.waitFor();
        }
    }
}
