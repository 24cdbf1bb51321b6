package dev.berth.storage.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the S3 driver keeps its data: the {@code storage.s3} section of the configuration.
 *
 * @param bucket   the bucket that holds the registry
 * @param region   the signing region; S3-compatible servers usually accept any
 * @param endpoint the server to talk to instead of AWS's regional endpoint (MinIO, Ceph RGW, …)
 * @param pathStyle address the bucket in the path rather than the host name; most
 *                  S3-compatible servers need it
 * @param prefix   a key prefix under which every storage path lives ("" for the bucket's root)
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle, String prefix) {

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        prefix = normalisePrefix(prefix);
    }

    /**
     * A prefix always ends in '/' (or is empty), so that "prefix + path" cannot glue a path onto
     * the last segment of the prefix, and never starts with one, which S3 would keep as an empty
     * first segment.
     */
    private static String normalisePrefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }
}
