package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.BLOBS_PER_S;
import static dev.berth.bench.Measurement.Unit.MB_PER_S;

import dev.berth.testkit.api.RegistryApi;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The upload scenarios: one large blob whole and in chunks, and many small blobs at once. */
final class Pushes {
    private final BenchPlan plan;

    Pushes(BenchPlan plan) {
        this.plan = plan;
    }

    Measurement monolithic(RegistryApi api, BlobFile blob) throws IOException {
        long started = System.nanoTime();
        api.pushBlob("bench/monolithic", blob.digest(), BodyPublishers.ofFile(blob.path()));
        return new Measurement(monolithicScenario(), MB_PER_S, megabytesPerSecond(blob.size(), started));
    }

    /**
     * The monolithic push into a Berth started with the JDK's SHA-256 engine. registry:2 has one
     * engine (Go's), so its figure to compare with is its monolithic push.
     */
    Measurement monolithicWithJdkSha256(RegistryApi api, BlobFile blob) throws IOException {
        Measurement push = monolithic(api, blob);
        return new Measurement(push.scenario() + ", JDK's SHA-256", push.unit(), push.value(), monolithicScenario());
    }

    private String monolithicScenario() {
        return "push " + plan.blobLabel() + " blob, monolithic";
    }

    /** POST, one PATCH per chunk with its Content-Range, then an empty PUT: a chunked push. */
    Measurement chunked(RegistryApi api, BlobFile blob) throws IOException {
        long started = System.nanoTime();
        try (RandomAccessFile file = new RandomAccessFile(blob.path().toFile(), "r")) {
            URI session = api.startUpload("bench/chunked");
            for (long offset = 0; offset < file.length(); ) {
                byte[] chunk = new byte[(int) Math.min(plan.chunkBytes(), file.length() - offset)];
                file.readFully(chunk);
                session = api.appendChunk(session, offset, chunk);
                offset += chunk.length;
            }
            api.finishUpload(session, blob.digest());
        }
        return new Measurement(
                "push " + plan.blobLabel() + " blob in " + (plan.chunkBytes() >> 20) + " MiB chunks",
                MB_PER_S,
                megabytesPerSecond(blob.size(), started));
    }

    Measurement smallBlobs(RegistryApi api) throws Exception {
        return smallBlobs(List.of(api), "bench/small", plan.smallBlobs(), "");
    }

    /**
     * The small blobs pushed by {@link BenchPlan#clients()} clients, each client talking to one of
     * {@code apis} (replicas of one registry on one bucket, an equal share of clients on each), in
     * a row named with {@code suffix}.
     *
     * @param seed of the blobs' content: blobs another scenario already stored would not be new
     */
    Measurement smallBlobs(List<RegistryApi> apis, String repository, long seed, String suffix) throws Exception {
        List<byte[]> blobs = smallBlobContents(seed);
        List<String> digests = blobs.stream().map(BlobFile::digestOf).toList();
        double seconds = Concurrently.each(
                blobs.size(),
                plan.clients(),
                (client, index) -> apis.get(client % apis.size())
                        .pushBlob(repository, digests.get(index), BodyPublishers.ofByteArray(blobs.get(index))));
        return new Measurement(
                plan.smallBlobs() + " blobs of " + (plan.smallBlobBytes() >> 10) + " KiB by " + plan.clients()
                        + " clients" + suffix,
                BLOBS_PER_S,
                blobs.size() / seconds);
    }

    private List<byte[]> smallBlobContents(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, plan.smallBlobs())
                .mapToObj(i -> {
                    byte[] content = new byte[plan.smallBlobBytes()];
                    random.nextBytes(content);
                    return content;
                })
                .toList();
    }

    static double megabytesPerSecond(long bytes, long startedNanos) {
        return bytes / 1e6 / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
