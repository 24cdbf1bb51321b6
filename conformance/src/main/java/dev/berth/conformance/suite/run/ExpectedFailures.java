package dev.berth.conformance.suite.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a registry is known to fail, each with the reason: one line per check,
 * {@code <check id> <reason>}, with {@code #} comments and blank lines ignored.
 */
public record ExpectedFailures(Map<String, String> reasons) {

    /** Kept in the file's order, so that messages list checks as the file does. */
    public ExpectedFailures {
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    public static ExpectedFailures parse(InputStream in) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 2);
                if (parts.length < 2) {
                    throw new IllegalArgumentException("an expected failure needs a reason: " + line);
                }
                if (reasons.put(parts[0], parts[1]) != null) {
                    throw new IllegalArgumentException("listed twice: " + parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExpectedFailures(reasons);
    }

    /** Failures the list does not explain. */
    public List<CheckResult> unexpected(RunResult result) {
        return result.failures().stream()
                .filter(check -> !reasons.containsKey(check.id()))
                .toList();
    }

    /** Listed checks that did not fail: the list is out of date (fixed, renamed or removed checks). */
    public List<String> stale(RunResult result) {
        return reasons.keySet().stream()
                .filter(id ->
                        result.failures().stream().noneMatch(check -> check.id().equals(id)))
                .toList();
    }
}
