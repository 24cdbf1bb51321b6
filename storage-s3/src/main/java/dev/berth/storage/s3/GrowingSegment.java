package dev.berth.storage.s3;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A segment larger than the writer buffers, built as its own multipart upload from the chunks the
 * writer fills one after the other. Its object appears, whole, only on {@link #complete()}; until
 * then it is invisible to listings, so a writer that dies leaves no half segment for the next one
 * to continue (only an incomplete upload for the bucket's lifecycle rule to end).
 */
final class GrowingSegment {
    private final S3Bucket bucket;
    private final String key;
    private final String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private long size;

    private GrowingSegment(S3Bucket bucket, String key, String uploadId) {
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
    }

    static Future<GrowingSegment> start(S3Bucket bucket, String key) {
        return bucket.createMultipartUpload(key).map(uploadId -> new GrowingSegment(bucket, key, uploadId));
    }

    long size() {
        return size;
    }

    /** Adds a chunk; every chunk but the last must hold at least S3's minimum part size. */
    Future<Void> append(Chunk chunk) {
        return bucket.uploadPart(key, uploadId, parts.size() + 1, chunk).map(part -> {
            parts.add(part);
            size += chunk.length();
            return null;
        });
    }

    Future<Void> complete() {
        return bucket.completeMultipartUpload(key, uploadId, parts);
    }

    Future<Void> abort() {
        return bucket.abortMultipartUpload(key, uploadId);
    }
}
