package dev.berth.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static dev.berth.bench.Measurement.Unit.BLOBS_PER_S;
import static dev.berth.bench.Measurement.Unit.MB_PER_S;

/** The upload scenarios: one large blob whole and in chunks, and many small blobs at once. */
final class Pushes {
    private final BenchPlan plan;

    Pushes(BenchPlan plan) {
        this.plan = plan;
    }

    Measurement monolithic(DistributionApi api, BlobFile blob) throws IOException {
        long started = System.nanoTime();
        api.pushMonolithic("bench/monolithic", blob.digest(), BodyPublishers.ofFile(blob.path()));
        return new Measurement("push " + plan.blobLabel() + " blob, monolithic", MB_PER_S, megabytesPerSecond(blob.size(), started));
    }

    Measurement chunked(DistributionApi api, BlobFile blob) throws IOException {
        long started = System.nanoTime();
        try (RandomAccessFile file = new RandomAccessFile(blob.path().toFile(), "r")) {
            api.pushChunked("bench/chunked", blob.digest(), () -> {
                byte[] chunk = new byte[(int) Math.min(plan.chunkBytes(), file.length() - file.getFilePointer())];
                if (chunk.length == 0) {
                    return null;
                }
                file.readFully(chunk);
                return chunk;
            });
        }
        return new Measurement("push " + plan.blobLabel() + " blob in " + (plan.chunkBytes() >> 20) + " MiB chunks",
                MB_PER_S, megabytesPerSecond(blob.size(), started));
    }

    Measurement smallBlobs(DistributionApi api) throws Exception {
        List<byte[]> blobs = smallBlobContents();
        List<String> digests = blobs.stream().map(BlobFile::digestOf).toList();
        double seconds = Concurrently.each(blobs.size(), plan.clients(), index ->
                api.pushMonolithic("bench/small", digests.get(index), BodyPublishers.ofByteArray(blobs.get(index))));
        return new Measurement(plan.smallBlobs() + " blobs of " + (plan.smallBlobBytes() >> 10) + " KiB by "
                + plan.clients() + " clients", BLOBS_PER_S, blobs.size() / seconds);
    }

    private List<byte[]> smallBlobContents() {
        SplittableRandom random = new SplittableRandom(plan.smallBlobs());
        return IntStream.range(0, plan.smallBlobs()).mapToObj(i -> {
            byte[] content = new byte[plan.smallBlobBytes()];
            random.nextBytes(content);
            return content;
        }).toList();
    }

    static double megabytesPerSecond(long bytes, long startedNanos) {
        return bytes / 1e6 / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
