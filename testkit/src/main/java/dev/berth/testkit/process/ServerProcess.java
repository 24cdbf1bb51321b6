package dev.berth.testkit.process;

import dev.berth.testkit.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A server program started by a test or the benchmark: its OS process, its log file, and its
 * readiness. The one launcher of long-running programs; {@link Command} runs a program to its end.
 */
public final class ServerProcess {

    /** Short: the benchmark reads a registry's startup time off the first answer. */
    private static final Duration POLL = Duration.ofMillis(5);

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ServerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ServerProcess launch(String name, List<String> command, Path logFile) {
        return launch(name, command, Map.of(), logFile);
    }

    /** Launches with {@code environment} added to this JVM's. */
    public static ServerProcess launch(
            String name, List<String> command, Map<String, String> environment, Path logFile) {
        return launch(name, command, environment, Set.of(), logFile);
    }

    /**
     * Launches with {@code environment} added to this JVM's, less the variables named in
     * {@code unset}; what it prints goes to the end of {@code logFile}.
     */
    public static ServerProcess launch(
            String name, List<String> command, Map<String, String> environment, Set<String> unset, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new ServerProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Thrown when the server died before it answered, e.g. because its port was taken meanwhile. */
    public static final class ExitedEarly extends RuntimeException {
        ExitedEarly(String message) {
            super(message);
        }
    }

    /** Polls {@code url} until it answers 200; fails when the process dies or the deadline passes. */
    public void awaitOk(URI url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ExitedEarly(name + " exited with " + process.exitValue() + " before answering " + url
                        + "; its log " + logFile + " ends with:\n" + logTail());
            }
            if (answersOk(url)) {
                return;
            }
            Pause.sleep(POLL);
        }
        kill();
        throw new AssertionError(name + " did not answer 200 (or 401) on " + url + " within " + timeout.toSeconds()
                + " s; its log " + logFile + " ends with:\n" + logTail());
    }

    private static boolean answersOk(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            // 401: a registry with authentication configured answers, it just wants credentials.
            int status =
                    PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The process id, for tools that look at the running process (/proc, jcmd). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL after {@code grace}. @return whether it exited within the grace period */
    public boolean terminate(Duration grace) {
        return ProcessTrees.terminate(process, grace);
    }

    /** SIGKILL, and wait until the kernel has reaped it, so its port and files are released. */
    public void kill() {
        ProcessTrees.killForcibly(process.toHandle());
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** VmHWM from /proc: the most resident memory the process ever had. */
    public long peakResidentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kibibytes -> Long.parseLong(kibibytes) * 1024)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VmHWM for " + name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of " + name + " (has it exited?)", e);
        }
    }

    public String logTail() {
        return LogFiles.tail(logFile);
    }

    public Path logFile() {
        return logFile;
    }
}
