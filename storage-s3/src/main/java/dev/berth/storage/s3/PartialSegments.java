package dev.berth.storage.s3;

import io.vertx.core.Future;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The hidden objects that hold what writers on one path wrote but did not commit yet: numbered
 * segments under the path's partial prefix, each written whole by one PutObject.
 *
 * <p>Keeping them in the bucket rather than in a process is what lets a writer end on one replica
 * and a later writer continue on another. Segment numbers are zero-padded so that S3's key order
 * is the order they were written in.
 */
final class PartialSegments {
    private static final String NUMBER_FORMAT = "%010d";

    private final S3Bucket bucket;
    private final String prefix;

    PartialSegments(S3Bucket bucket, String prefix) {
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** The segments written so far, in the order they were written. */
    Future<List<S3Object>> list() {
        return bucket.listAll(prefix);
    }

    /** Stores segment {@code number} in one go. */
    Future<Void> put(long number, Chunk content) {
        return bucket.put(keyOf(number), content);
    }

    /** Starts segment {@code number}, to be filled chunk by chunk. */
    Future<GrowingSegment> start(long number) {
        return GrowingSegment.start(bucket, keyOf(number));
    }

    private String keyOf(long number) {
        return prefix + String.format(NUMBER_FORMAT, number);
    }

    /** The number the segment after {@code existing} gets. */
    static long nextNumber(List<S3Object> existing) {
        if (existing.isEmpty()) {
            return 0;
        }
        String last = existing.get(existing.size() - 1).key();
        return Long.parseLong(last.substring(last.lastIndexOf('/') + 1)) + 1;
    }

    static long totalSize(List<S3Object> segments) {
        return segments.stream().mapToLong(S3Object::size).sum();
    }

    /** Removes every segment, whoever wrote it. */
    Future<Void> deleteAll() {
        return list().compose(this::delete);
    }

    Future<Void> delete(List<S3Object> segments) {
        return bucket.deleteAll(segments.stream().map(S3Object::key).toList());
    }
}
