package dev.berth.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which SHA-256 engine each Berth instance of the run said at start it hashes uploads with, for
 * the report: a push row means little without it. registry:2 has one engine (Go's) and says nothing.
 */
final class EngineLog {
    /** Instance to engine, in the order first seen; the same instance in later rounds is checked, not repeated. */
    private final Map<String, String> engines = new LinkedHashMap<>();

    void record(Contender contender, String instance, RunningRegistry registry)
            throws IOException, InterruptedException {
        if (contender != Contender.BERTH) {
            return;
        }
        String engine = registry.sha256Engine();
        System.err.println("bench: berth (" + instance + ") hashes uploads with " + engine);
        engines.merge(instance, engine, (before, now) -> before.equals(now) ? before : before + "; later " + now);
    }

    /** One line per instance, or nothing when no Berth ran. */
    String report() {
        StringBuilder out = new StringBuilder();
        if (!engines.isEmpty()) {
            out.append("Berth's SHA-256 engine, as each instance said at start:\n\n");
            engines.forEach((instance, engine) -> out.append("- ")
                    .append(instance)
                    .append(": ")
                    .append(engine)
                    .append('\n'));
        }
        return out.toString();
    }
}
