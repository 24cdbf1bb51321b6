package dev.berth.runtime.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An installed OCI runtime (runc or crun) driven through its command line, with berth's own --root. */
public record OciRuntime(String name, Path binary, Path root) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> SUPPORTED = List.of("runc", "crun");

    /**
     * The runtime named, or the first of runc and crun found on PATH when none is.
     *
     * @throws IllegalArgumentException naming what is missing and how to get it
     */
    public static OciRuntime find(String requested, Map<String, String> environment, StateDir state) {
        if (requested != null && !SUPPORTED.contains(requested)) {
            throw new IllegalArgumentException(
                    "unknown runtime " + requested + "; berth drives " + String.join(" or ", SUPPORTED));
        }
        List<String> candidates = requested != null ? List.of(requested) : SUPPORTED;
        for (String candidate : candidates) {
            Optional<Path> binary = onPath(candidate, environment.getOrDefault("PATH", ""));
            if (binary.isPresent()) {
                return new OciRuntime(candidate, binary.get(), state.runtimeRoot(candidate));
            }
        }
        throw new IllegalArgumentException("no OCI runtime found: " + String.join(" or ", candidates)
                + " must be on PATH (Debian/Ubuntu: apt-get install " + String.join(" ", candidates) + ")");
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts the container in the foreground: the runtime proxies stdio (or a terminal) and signals. */
    public List<String> runCommand(Path bundle, String id) {
        return List.of(binary.toString(), "--root", root.toString(), "run", "--bundle", bundle.toString(), id);
    }

    /** The container's status as the runtime reports it, empty when the runtime has no such container. */
    public Optional<String> status(String id) throws IOException, InterruptedException {
        return state(id).map(state -> state.path("status").textValue());
    }

    /** The pid of the container's process (on the host) once it runs, empty when the runtime has no such container. */
    public Optional<Long> pid(String id) throws IOException, InterruptedException {
        return state(id).map(state -> state.path("pid").asLong()).filter(pid -> pid > 0);
    }

    /** runtime-spec's state of the container (ociVersion, id, status, pid, bundle). */
    private Optional<JsonNode> state(String id) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--root", root.toString(), "state", id)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] state = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(state));
    }

    /** Runs a further process in the running container, with the container's env, cwd and user. */
    public List<String> execCommand(String id, boolean tty, List<String> args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--root", root.toString(), "exec"));
        if (tty) {
            command.add("--tty");
        }
        command.add(id);
        command.addAll(args);
        return command;
    }

    /**
     * Sends a signal (a name such as TERM or KILL, or a number) to the container's process.
     *
     * @throws IllegalStateException with the runtime's own words when it refuses (not running, say)
     */
    public void kill(String id, String signal) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--root", root.toString(), "kill", id, signal)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(
                    "cannot signal " + id + " (" + name + " kill " + signal + "): " + lastLine(output));
        }
    }

    private static String lastLine(String output) {
        int newline = output.lastIndexOf('\n');
        return newline < 0 ? output : output.substring(newline + 1);
    }

    /** Kills and forgets the container; a container the runtime no longer knows is no error. */
    public void delete(String id) throws IOException, InterruptedException {
        new ProcessBuilder(binary.toString(), "--root", root.toString(), "delete", "--force", id)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
