package dev.berth.runtime.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a container in the background, for {@code berth run -d} and {@code berth start}. berth has
 * no daemon, so each detached container gets a small monitor of its own: a shell in a session of
 * its own (setsid: a terminal's Ctrl-C or hang-up does not reach it) that runs the runtime's
 * foreground {@code run}, with the container's stdout and stderr appended to its log, and writes
 * the exit status the runtime returns into the container's directory (or removes that directory
 * with {@code --rm}). berth itself returns once the runtime reports the container started.
 */
public final class DetachedContainer {
    /** How long berth waits for the runtime to report the container; the container is not bound by it. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private static final String MONITOR = String.join(
            "\n",
            "status_file=$1; remove=$2; dir=$3; shift 3",
            "\"$@\"",
            "status=$?",
            SlirpNetwork.stopLine("$dir"),
            "if [ -n \"$remove\" ]; then rm -rf -- \"$remove\"; exit 0; fi",
            "printf '%s\\n' \"$status\" > \"$status_file.tmp\" && mv -f -- \"$status_file.tmp\" \"$status_file\"");

    private final OciRuntime runtime;

    public DetachedContainer(OciRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts the container and waits until the runtime knows it (or it has ended already).
     *
     * @param removeWhenDone the container's directory, to remove when it exits ({@code --rm}); else empty
     */
    public void start(
            Path bundle,
            String id,
            Path log,
            Path exitStatus,
            Optional<Path> removeWhenDone,
            Optional<PublishedPorts> ports)
            throws IOException, InterruptedException {
        Files.createDirectories(runtime.root());
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                "sh",
                "-c",
                MONITOR,
                "berth-monitor",
                exitStatus.toString(),
                removeWhenDone.map(Path::toString).orElse(""),
                exitStatus.getParent().toString()));
        command.addAll(runtime.runCommand(bundle, id));
        Process monitor = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        if (ports.isPresent()) {
            try {
                ports.get().attach(runtime, id, monitor);
            } catch (IOException | RuntimeException e) {
                runtime.delete(id);
                throw e;
            }
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (monitor.isAlive()
                && runtime.status(id)
                        .filter(status -> !status.equals("creating"))
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
