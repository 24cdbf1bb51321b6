package dev.berth.bench;

import java.net.URI;
import java.nio.file.Path;

/** Where a contender keeps its images in one round: a directory of its own, or a bucket of its own. */
sealed interface Storage permits Storage.Filesystem, Storage.S3 {

    record Filesystem(Path dataDir) implements Storage {
    }

    /** A bucket on the benchmark's S3 server, which checks no signatures: any key pair does. */
    record S3(URI endpoint, String bucket) implements Storage {
        static final String ACCESS_KEY = "berth-bench";
        static final String SECRET_KEY = "berth-bench-secret";
        static final String REGION = "us-east-1";
    }
}
