package dev.berth.registry.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts berth-registry as a real process, from this test run's class path. */
final class RegistryProcesses {
    private RegistryProcesses() {}

    /**
     * Runs berth-registry with {@code args}, no BERTH_* variable but those of {@code environment}
     * ("NAME=value"), and its output, stderr included, to {@code outputFile}: a file, not a pipe,
     * as the JDK may close a process's pipe under a reader once it exits.
     */
    static Process start(Path outputFile, List<String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BerthRegistryCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BERTH_"));
        environment.forEach(entry -> {
            String[] nameValue = entry.split("=", 2);
            builder.environment().put(nameValue[0], nameValue[1]);
        });
        return builder.start();
    }
}
