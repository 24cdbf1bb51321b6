package dev.berth.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/** Where server logs go, and how their ends get quoted into failure messages. */
public final class LogFiles {

    private static final int TAIL_LINES = 40;

    private LogFiles() {}

    /** target/interop-logs: kept after the run, so CI reports can point at them. */
    public static Path forServer(String name) {
        return Paths.get("target", "interop-logs", name + "-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
    }

    public static String tail(Path log) {
        try {
            // Decoded leniently: a log may hold bytes that are not UTF-8.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
