package dev.berth.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code --env-file} as docker reads one: a {@code K=V} line sets K to V exactly (no quotes
 * removed, no expansion), a bare {@code K} passes berth's own K when it has one, and blank lines
 * and lines starting with {@code #} are skipped.
 */
final class EnvFile {
    private EnvFile() {}

    static Map<String, String> read(Path file, Map<String, String> hostEnvironment) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--env-file " + file + ": no such file");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line.strip() : line.substring(0, equals);
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "--env-file " + file + " line " + (i + 1) + ": expected NAME=VALUE or NAME");
            }
            if (equals >= 0) {
                variables.put(name, line.substring(equals + 1));
            } else if (hostEnvironment.containsKey(name)) {
                variables.put(name, hostEnvironment.get(name));
            }
        }
        return variables;
    }
}
