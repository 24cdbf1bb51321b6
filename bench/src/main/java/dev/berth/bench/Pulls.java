package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MB_PER_S;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Blob downloads by curl, a client neither registry was tuned for, into /dev/null. The same
 * download from a plain file server is the reference for what loopback allows. Every download
 * must bring the blob's size in bytes, and with redirects on must have been redirected (to S3).
 */
final class Pulls {
    private final BenchPlan plan;
    private final Tools tools;

    Pulls(BenchPlan plan, Tools tools) {
        this.plan = plan;
        this.tools = tools;
    }

    /**
     * How much a registry serves, untimed, before its {@link #warm} pull is timed. A Berth started
     * afresh pulls at about half its speed at first, while its JIT compiles the path of a pull (C2's
     * compilations took about 1.5 s of a core over the first 2-3 GiB on S3, and Berth's CPU per GiB
     * went from 1,300 to 330 ms, registry:2's being about 320): docs/performance.md, "The first
     * pull". Both registries get the same.
     */
    static final long WARM_UP_BYTES = 3L << 30;

    /** The first pull of {@code blob} after the registry started: the row that pays for the JIT. */
    Measurement first(URI registry, BlobFile blob) throws IOException, InterruptedException {
        return new Measurement(
                "pull " + plan.blobLabel() + " blob, first after start",
                MB_PER_S,
                download(List.of(blobUri(registry, blob)), blob, false));
    }

    /**
     * A pull of {@code blob} once the registry served {@link #WARM_UP_BYTES} of it, its first pull
     * (timed by {@link #first}) included: the rest untimed, one of them checked for the blob's
     * digest.
     */
    Measurement warm(URI registry, BlobFile blob) throws IOException, InterruptedException {
        verify(registry, blob, false);
        for (long pulled = 2 * blob.size(); pulled < WARM_UP_BYTES; pulled += blob.size()) {
            download(List.of(blobUri(registry, blob)), blob, false);
        }
        return new Measurement(warmRow(plan), MB_PER_S, download(List.of(blobUri(registry, blob)), blob, false));
    }

    /** The name of the {@link #warm} pull's row. */
    static String warmRow(BenchPlan plan) {
        return "pull " + plan.blobLabel() + " blob, after " + (WARM_UP_BYTES >> 30) + " GiB pulled";
    }

    /**
     * One pull of {@code blob}. With {@code redirect} the registry answers with a redirect to S3,
     * which curl follows, and the row says so.
     */
    Measurement one(URI registry, BlobFile blob, boolean redirect) throws IOException, InterruptedException {
        return new Measurement(
                "pull " + plan.blobLabel() + " blob" + (redirect ? ", redirect" : ""),
                MB_PER_S,
                download(List.of(blobUri(registry, blob)), blob, redirect));
    }

    Measurement parallel(URI registry, BlobFile blob, boolean redirect) throws IOException, InterruptedException {
        return parallel(List.of(registry), blob, redirect, redirect ? ", redirect" : "");
    }

    /**
     * {@link BenchPlan#parallelPulls()} pulls at once, spread evenly over {@code registries} (replicas
     * of one registry on one bucket), in a row named with {@code suffix}.
     */
    Measurement parallel(List<URI> registries, BlobFile blob, boolean redirect, String suffix)
            throws IOException, InterruptedException {
        List<URI> all = new ArrayList<>();
        for (int i = 0; i < plan.parallelPulls(); i++) {
            all.add(blobUri(registries.get(i % registries.size()), blob));
        }
        return new Measurement(
                plan.parallelPulls() + " pulls of that blob at once" + suffix, MB_PER_S, download(all, blob, redirect));
    }

    /** Downloads each URI with its own curl, all at once; answers the combined MB/s. */
    double download(List<URI> uris, BlobFile blob, boolean redirect) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Process> curls = new ArrayList<>();
        for (URI uri : uris) {
            curls.add(curl(uri, redirect, "/dev/null", "%{size_download} %{num_redirects}")
                    .redirectErrorStream(true)
                    .start());
        }
        long bytes = 0;
        for (Process curl : curls) {
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (curl.waitFor() != 0) {
                throw new IOException("curl failed: " + output);
            }
            bytes += checkedBytes(output, blob.size(), redirect);
        }
        return Pushes.megabytesPerSecond(bytes, started);
    }

    /**
     * Pulls {@code blob} once more, untimed, and checks its digest: that what a redirect leads to
     * (a URL on S3 the registry signed) is the blob, not just as many bytes.
     */
    void verify(URI registry, BlobFile blob, boolean redirect) throws IOException, InterruptedException {
        URI uri = blobUri(registry, blob);
        Process curl = curl(uri, redirect, "-", null).start();
        String digest;
        try (InputStream body = curl.getInputStream()) {
            digest = BlobFile.digestOf(body);
        }
        String errors = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (curl.waitFor() != 0) {
            throw new IOException("curl failed on " + uri + ": " + errors);
        }
        if (!digest.equals(blob.digest())) {
            throw new IOException("pulled " + uri + " and got content of digest " + digest);
        }
    }

    private ProcessBuilder curl(URI uri, boolean redirect, String output, String writeOut) {
        List<String> command = new ArrayList<>(List.of(tools.curl().toString(), "-sS", "--fail", "-o", output));
        if (redirect) {
            command.add("-L");
        }
        if (writeOut != null) {
            command.addAll(List.of("-w", writeOut));
        }
        command.add(uri.toString());
        return new ProcessBuilder(command);
    }

    /**
     * The bytes one curl downloaded, from its {@code %{size_download} %{num_redirects}}, when they
     * are the whole blob and came the way they should: through a redirect if {@code redirect}, else
     * straight (an unexpected redirect would measure S3, not the registry).
     */
    static long checkedBytes(String curlOutput, long expectedBytes, boolean redirect) throws IOException {
        String[] fields = curlOutput.strip().split(" ");
        if (fields.length != 2) {
            throw new IOException("unexpected curl output: " + curlOutput);
        }
        long bytes = Long.parseLong(fields[0]);
        int redirects = Integer.parseInt(fields[1]);
        if (bytes != expectedBytes) {
            throw new IOException("pulled " + bytes + " bytes of a blob of " + expectedBytes);
        }
        if (redirect != (redirects > 0)) {
            throw new IOException(redirect ? "the registry answered without a redirect" : "the registry redirected");
        }
        return bytes;
    }

    private static URI blobUri(URI registry, BlobFile blob) {
        return registry.resolve("/v2/bench/monolithic/blobs/" + blob.digest());
    }
}
