package dev.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives wrk, the load generator for the GET request-rate scenarios, and reads its summary. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final int THREADS = 2;

    private final Tools tools;

    Wrk(Tools tools) {
        this.tools = tools;
    }

    LoadResult get(URI uri, String accept, int connections, int seconds) throws IOException, InterruptedException {
        return finish(start(uri, accept, connections, seconds));
    }

    /**
     * GETs on every URI at once, the connections split evenly between them (replicas of one
     * registry): the requests per second of all together and the worst of their p99s.
     */
    LoadResult getAll(List<URI> uris, String accept, int connections, int seconds)
            throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (URI uri : uris) {
            running.add(start(uri, accept, connections / uris.size(), seconds));
        }
        List<LoadResult> results = new ArrayList<>();
        for (Process wrk : running) {
            results.add(finish(wrk));
        }
        return together(results);
    }

    /** Loads run side by side: their rates add up, and the slowest p99 is the one clients would see. */
    static LoadResult together(List<LoadResult> results) {
        return new LoadResult(
                results.stream().mapToDouble(LoadResult::requestsPerSecond).sum(),
                results.stream().mapToDouble(LoadResult::p99Millis).max().orElseThrow());
    }

    private Process start(URI uri, String accept, int connections, int seconds) throws IOException {
        return new ProcessBuilder(List.of(
                        tools.wrk().toString(),
                        "-t" + THREADS,
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-H",
                        "Accept: " + accept,
                        uri.toString()))
                .redirectErrorStream(true)
                .start();
    }

    private static LoadResult finish(Process wrk) throws IOException, InterruptedException {
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed: " + output);
        }
        return parse(output);
    }

    /** A run where any request failed measures nothing worth comparing: refuse it. */
    static LoadResult parse(String output) throws IOException {
        Matcher failures = NON_2XX.matcher(output);
        if (failures.find()) {
            throw new IOException(failures.group(1) + " requests failed during the run:\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IOException("unexpected wrk output:\n" + output);
        }
        return LoadGenerators.nonZero(
                new LoadResult(
                        Double.parseDouble(rate.group(1)), millis(Double.parseDouble(p99.group(1)), p99.group(2))),
                output);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
