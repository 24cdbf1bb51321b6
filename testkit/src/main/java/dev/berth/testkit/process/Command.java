package dev.berth.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion with a deadline, capturing what it prints. */
public final class Command {

    private final List<String> argv;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(5);
    private Path stdin = Path.of("/dev/null");

    private Command(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    public static Command of(List<String> argv) {
        return new Command(argv);
    }

    public Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Command env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The program reads this file as its stdin (else /dev/null). */
    public Command stdin(Path file) {
        this.stdin = file;
        return this;
    }

    public CommandResult run() {
        Path out = null;
        Path err = null;
        try {
            // Files, not pipes: a chatty program can never block on a full pipe buffer.
            out = Files.createTempFile("cmd-out-", ".txt");
            err = Files.createTempFile("cmd-err-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessTrees.killForcibly(process.toHandle());
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new CommandResult(
                    argv,
                    finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8),
                    !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs the program and fails the test, with its whole output, unless it exits with 0. */
    public CommandResult runOk() {
        CommandResult result = run();
        if (!result.succeeded()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temp file is not worth failing a test for
        }
    }
}
