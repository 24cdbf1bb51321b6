package dev.berth.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every round's figures, reduced to medians per scenario and registry, and the table of them. */
final class Results {
    private final Map<String, Measurement.Unit> units = new LinkedHashMap<>();
    private final Map<String, String> comparedWith = new LinkedHashMap<>();
    private final Map<String, Map<Contender, List<Double>>> values = new LinkedHashMap<>();
    private final List<Double> fileServerPulls = new ArrayList<>();

    void add(Contender contender, List<Measurement> figures) {
        for (Measurement figure : figures) {
            units.putIfAbsent(figure.scenario(), figure.unit());
            comparedWith.putIfAbsent(figure.scenario(), figure.comparedWith());
            values.computeIfAbsent(figure.scenario(), scenario -> new LinkedHashMap<>())
                    .computeIfAbsent(contender, c -> new ArrayList<>())
                    .add(figure.value());
        }
    }

    void addFileServerPull(double megabytesPerSecond) {
        fileServerPulls.add(megabytesPerSecond);
    }

    double median(String scenario, Contender contender) {
        return median(values.getOrDefault(scenario, Map.of()).getOrDefault(contender, List.of()));
    }

    static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * A Markdown table: one row per scenario, medians for both registries and their ratio. A row of
     * a Berth-only variant shows registry:2's figure for the scenario it is compared with.
     */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | unit | berth | registry:2 | berth / registry:2 |\n");
        out.append("|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Measurement.Unit> row : units.entrySet()) {
            Measurement.Unit unit = row.getValue();
            double berth = median(row.getKey(), Contender.BERTH);
            double distribution = median(comparedWith.get(row.getKey()), Contender.DISTRIBUTION);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s%s | %s | %s | %s |%n",
                    row.getKey(),
                    unit.label,
                    unit.higherIsBetter ? "" : " (lower is better)",
                    number(berth),
                    number(distribution),
                    Double.isNaN(distribution) ? "—" : String.format(Locale.ROOT, "%.2f×", berth / distribution)));
        }
        return out.toString();
    }

    /**
     * A Markdown table of every round's figure, in the order the rounds ran, for each scenario and
     * registry: how far apart the rounds were, which the medians do not show.
     */
    String everyRound() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | berth, round by round | registry:2, round by round |\n");
        out.append("|---|---|---|\n");
        for (String scenario : units.keySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s |%n",
                    scenario,
                    numbers(scenario, Contender.BERTH),
                    numbers(comparedWith.get(scenario), Contender.DISTRIBUTION)));
        }
        return out.toString();
    }

    private String numbers(String scenario, Contender contender) {
        List<Double> rounds = values.getOrDefault(scenario, Map.of()).getOrDefault(contender, List.of());
        return rounds.isEmpty()
                ? "—"
                : String.join(", ", rounds.stream().map(Results::number).toList());
    }

    /** How a registry's single pull compares with curl from a plain file server on the same loopback. */
    String fileServerComparison(String pullScenario) {
        double reference = median(fileServerPulls);
        double berth = median(pullScenario, Contender.BERTH);
        double distribution = median(pullScenario, Contender.DISTRIBUTION);
        return String.format(
                Locale.ROOT,
                "Reference: curl from a plain file server (busybox httpd) on loopback: %s MB/s."
                        + " berth's pull is %.0f%% of it, registry:2's %.0f%%.%n",
                number(reference),
                100 * berth / reference,
                100 * distribution / reference);
    }

    /** A dash where a registry has no figure (registry:2 has no web UI). */
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
