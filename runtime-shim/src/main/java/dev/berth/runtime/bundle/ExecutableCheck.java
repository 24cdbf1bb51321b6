package dev.berth.runtime.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.unpack.RootfsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the command a bundle's config.json starts in its rootfs, as the runtime's exec would
 * (a name with a slash as a path, relative to the working directory; else looked up along the
 * process's PATH), before the runtime is started: runc and crun report a missing or
 * non-executable command only as their own failure (status 1), which would read as the
 * container's exit status.
 */
public final class ExecutableCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecutableCheck() {}

    /** @throws NotRunnable with status 127 or 126 when the bundle's command cannot start */
    public static void check(Path bundle) throws IOException {
        JsonNode process = process(bundle);
        check(bundle, process, process.path("args").path(0).asText(), "in the image");
    }

    /**
     * For {@code runtime exec}: whether {@code command} can start in the bundle's rootfs as it is
     * now, looked up with the working directory and PATH of the bundle's process, which exec's
     * process inherits.
     *
     * @throws NotRunnable with status 127 or 126 when it cannot
     */
    public static void check(Path bundle, String command) throws IOException {
        check(bundle, process(bundle), command, "in the container");
    }

    private static JsonNode process(Path bundle) throws IOException {
        return JSON.readTree(bundle.resolve("config.json").toFile()).path("process");
    }

    private static void check(Path bundle, JsonNode process, String command, String where) throws IOException {
        Path rootfs = bundle.resolve("rootfs");
        Optional<Path> found = command.contains("/")
                ? RootfsFiles.locate(
                        rootfs,
                        command.startsWith("/") ? command : process.path("cwd").asText("/") + "/" + command)
                : onPath(rootfs, command, path(process));
        if (found.isEmpty()) {
            throw new NotRunnable(
                    NotRunnable.NOT_FOUND,
                    command + ": executable file not found" + (command.contains("/") ? "" : " in $PATH") + " " + where);
        }
        Path file = found.get();
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            throw new NotRunnable(
                    NotRunnable.NOT_EXECUTABLE,
                    command + ": permission denied: "
                            + (Files.isDirectory(file) ? "a directory" : "not an executable file") + " " + where);
        }
    }

    private static Optional<Path> onPath(Path rootfs, String command, String path) throws IOException {
        for (String dir : path.split(":")) {
            Optional<Path> candidate = RootfsFiles.locate(rootfs, (dir.isEmpty() ? "." : dir) + "/" + command);
            if (candidate.isPresent() && Files.isRegularFile(candidate.get())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static String path(JsonNode process) {
        for (JsonNode variable : process.path("env")) {
            if (variable.asText().startsWith("PATH=")) {
                return variable.asText().substring("PATH=".length());
            }
        }
        return "";
    }
}
