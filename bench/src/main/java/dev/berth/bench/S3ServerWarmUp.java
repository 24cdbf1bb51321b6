package dev.berth.bench;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3ProxyProcess;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Has the S3 server serve {@link Pulls#WARM_UP_BYTES} of a blob, straight to curl, before any
 * registry is measured. S3Proxy is a JVM that both registries share: freshly started it served a
 * 1 GiB GET at 975 MB/s, and at 1,703 once it had served a few (docs/performance.md, "Full run on
 * S3 with spliced blob GETs"). Without this, the first round's first contender pulled through a
 * cold S3 server and the other through a warm one; now every pull row measures the registries.
 */
final class S3ServerWarmUp {
    private S3ServerWarmUp() {}

    /** Stores {@code blob} in a bucket of its own, GETs it untimed until the bytes are served, and drops the bucket. */
    static void run(S3ProxyProcess s3, BlobFile blob, Pulls pulls) throws IOException, InterruptedException {
        S3Bucket bucket = s3.newBucket("s3-server-warm-up");
        try {
            URI object = s3.putObject(bucket, "blob", blob.path());
            for (long served = 0; served < Pulls.WARM_UP_BYTES; served += blob.size()) {
                pulls.download(List.of(object), blob, false);
            }
        } finally {
            ScratchDir.deleteRecursively(s3.bucketDirectory(bucket));
        }
    }
}
