package dev.berth.bench;

import dev.berth.testkit.s3.S3Bucket;
import java.nio.file.Path;

/** Where a contender keeps its images in one round: a directory of its own, or a bucket of its own. */
sealed interface Storage permits Storage.Filesystem, Storage.S3 {

    record Filesystem(Path dataDir) implements Storage {}

    /**
     * A bucket on the benchmark's S3 server, which checks no signatures: any key pair does.
     *
     * @param redirect whether the registry answers blob GETs with a redirect to a pre-signed URL
     *     on the bucket instead of streaming the bytes itself
     */
    record S3(S3Bucket bucket, boolean redirect) implements Storage {
        /** The same bucket, served with blob redirects on. */
        S3 redirecting() {
            return new S3(bucket, true);
        }
    }
}
