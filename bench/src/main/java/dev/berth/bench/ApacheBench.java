package dev.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives ab (ApacheBench) for the HEAD scenarios. wrk cannot: it waits for the body that a HEAD
 * answer's Content-Length announces but never sends, and reports zero requests.
 */
final class ApacheBench {
    private static final Pattern RATE = Pattern.compile("Requests per second:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+(\\d+)");
    private static final Pattern FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");
    /** ab stops at whichever comes first, this count or the time limit: make it the time limit. */
    private static final String UNREACHABLE_COUNT = "100000000";

    private final Tools tools;

    ApacheBench(Tools tools) {
        this.tools = tools;
    }

    LoadResult head(URI uri, String accept, int connections, int seconds) throws IOException, InterruptedException {
        Process ab = new ProcessBuilder(List.of(
                        tools.ab().toString(),
                        "-k",
                        "-i",
                        "-q",
                        "-c",
                        Integer.toString(connections),
                        "-t",
                        Integer.toString(seconds),
                        "-n",
                        UNREACHABLE_COUNT,
                        "-H",
                        "Accept: " + accept,
                        uri.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(ab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ab.waitFor() != 0) {
            throw new IOException("ab failed: " + output);
        }
        return parse(output);
    }

    static LoadResult parse(String output) throws IOException {
        for (Pattern failures : List.of(FAILED, NON_2XX)) {
            Matcher failed = failures.matcher(output);
            if (failed.find() && Long.parseLong(failed.group(1)) > 0) {
                throw new IOException(failed.group(1) + " requests failed during the run:\n" + output);
            }
        }
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IOException("unexpected ab output:\n" + output);
        }
        return LoadGenerators.nonZero(
                new LoadResult(Double.parseDouble(rate.group(1)), Double.parseDouble(p99.group(1))), output);
    }
}
