package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MB_PER_S;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Blob downloads by curl, a client neither registry was tuned for, into /dev/null. The same
 * download from a plain file server is the reference for what loopback allows.
 */
final class Pulls {
    private final BenchPlan plan;
    private final Tools tools;

    Pulls(BenchPlan plan, Tools tools) {
        this.plan = plan;
        this.tools = tools;
    }

    Measurement one(URI registry, BlobFile blob) throws IOException, InterruptedException {
        return new Measurement(
                "pull " + plan.blobLabel() + " blob", MB_PER_S, download(List.of(blobUri(registry, blob))));
    }

    Measurement parallel(URI registry, BlobFile blob) throws IOException, InterruptedException {
        URI uri = blobUri(registry, blob);
        List<URI> all = new ArrayList<>();
        for (int i = 0; i < plan.parallelPulls(); i++) {
            all.add(uri);
        }
        return new Measurement(plan.parallelPulls() + " pulls of that blob at once", MB_PER_S, download(all));
    }

    /** Downloads each URI with its own curl, all at once; answers the combined MB/s. */
    double download(List<URI> uris) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Process> curls = new ArrayList<>();
        for (URI uri : uris) {
            curls.add(new ProcessBuilder(
                            tools.curl().toString(),
                            "-sS",
                            "--fail",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{size_download}",
                            uri.toString())
                    .redirectErrorStream(true)
                    .start());
        }
        long bytes = 0;
        for (Process curl : curls) {
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (curl.waitFor() != 0) {
                throw new IOException("curl failed: " + output);
            }
            bytes += Long.parseLong(output);
        }
        return Pushes.megabytesPerSecond(bytes, started);
    }

    private static URI blobUri(URI registry, BlobFile blob) {
        return registry.resolve("/v2/bench/monolithic/blobs/" + blob.digest());
    }
}
