package dev.berth.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Joins a writer's segments into one object at the target key, which appears there whole or not
 * at all (S3 makes PutObject, CopyObject and CompleteMultipartUpload atomic).
 *
 * <p>A single segment is copied inside S3 in one request. Several small ones are read back and
 * put once. Larger content becomes a multipart upload. S3 wants
 * every part but the last to hold at least {@link #MIN_PART_SIZE}: a segment that large on its own
 * is copied inside S3 (UploadPartCopy, no bytes through this process); runs of smaller segments,
 * which chunked uploads and resumed writers leave, are read back and sent as one part once they
 * reach the minimum. Writers end such a run with a segment that just completes it, so memory is
 * bounded by the minimum plus one write queue.
 */
final class SegmentAssembler {
    /** S3's smallest part but the last. */
    static final long MIN_PART_SIZE = 5L << 20;
    /** Parts copied inside S3 side by side while a writer's segments are joined. */
    static final int PARALLEL_COPIES = 4;

    private final S3Bucket bucket;

    SegmentAssembler(S3Bucket bucket) {
        this.bucket = bucket;
    }

    /** One part of the final object: the segments it is made of, in order. */
    private record Part(List<S3Object> segments) {
        boolean copiable() {
            return segments.size() == 1;
        }
    }

    Future<Void> assemble(List<S3Object> segments, String key) {
        if (segments.size() == 1) {
            // Copied inside S3: segments are at most 2.5 GiB, CopyObject takes up to 5 GiB.
            return bucket.copy(segments.get(0).key(), key);
        }
        if (PartialSegments.totalSize(segments) < MIN_PART_SIZE) {
            return readAll(segments).compose(content -> bucket.put(key, Chunk.of(List.of(content))));
        }
        return bucket.createMultipartUpload(key)
                .compose(uploadId -> uploadParts(key, uploadId, plan(segments))
                        .compose(parts -> bucket.completeMultipartUpload(key, uploadId, parts))
                        // Not aborted, the parts would stay billed and listed until a lifecycle rule ends them.
                        .recover(failure -> bucket.abortMultipartUpload(key, uploadId)
                                .transform(ignored -> Future.failedFuture(failure))));
    }

    /** Content that never became a segment, put at the key whole. */
    Future<Void> putWhole(String key, Chunk content) {
        return bucket.put(key, content);
    }

    /** Groups segments into parts that meet S3's minimum, keeping large segments on their own. */
    static List<Part> plan(List<S3Object> segments) {
        List<Part> parts = new ArrayList<>();
        List<S3Object> run = new ArrayList<>();
        long runSize = 0;
        for (S3Object segment : segments) {
            run.add(segment);
            runSize += segment.size();
            if (runSize >= MIN_PART_SIZE) {
                parts.add(new Part(run));
                run = new ArrayList<>();
                runSize = 0;
            }
        }
        if (!run.isEmpty()) {
            // The last part may be as small as it is.
            parts.add(new Part(run));
        }
        return parts;
    }

    /**
     * What the segments of the last part hold when they do not reach S3's minimum yet, or 0: the
     * next segment completes that part rather than join it (see {@link S3BlobWriter}).
     */
    static long unfinishedPart(List<S3Object> segments) {
        List<Part> parts = plan(segments);
        if (parts.isEmpty()) {
            return 0;
        }
        long size = PartialSegments.totalSize(parts.get(parts.size() - 1).segments());
        return size < MIN_PART_SIZE ? size : 0;
    }

    /**
     * Uploads the parts in order: up to {@link #PARALLEL_COPIES} consecutive copies inside S3 at
     * once (each holds nothing in this process, and one at a time left S3 idle between them), a
     * re-read run alone, so that at most one is in memory.
     */
    private Future<List<CompletedPart>> uploadParts(String key, String uploadId, List<Part> plan) {
        List<CompletedPart> done = new ArrayList<>(plan.size());
        Future<Void> chain = Future.succeededFuture();
        int next = 0;
        while (next < plan.size()) {
            int first = next;
            int end = first + 1;
            if (plan.get(first).copiable()) {
                while (end < plan.size()
                        && end - first < PARALLEL_COPIES
                        && plan.get(end).copiable()) {
                    end++;
                }
            }
            int last = end;
            chain = chain.compose(ignored -> {
                List<Future<CompletedPart>> batch = new ArrayList<>();
                for (int i = first; i < last; i++) {
                    batch.add(uploadPart(key, uploadId, i + 1, plan.get(i)));
                }
                // The parts through the future, not an onSuccess per part: that may not have run yet when all is
                // complete.
                return Future.all(batch).map(completed -> {
                    done.addAll(completed.list());
                    return null;
                });
            });
            next = end;
        }
        return chain.map(ignored -> List.copyOf(done));
    }

    private Future<CompletedPart> uploadPart(String key, String uploadId, int partNumber, Part part) {
        if (part.copiable()) {
            return bucket.uploadPartCopy(
                    key, uploadId, partNumber, part.segments().get(0).key());
        }
        return readAll(part.segments())
                .compose(content -> bucket.uploadPart(key, uploadId, partNumber, Chunk.of(List.of(content))));
    }

    private Future<Buffer> readAll(List<S3Object> segments) {
        Buffer all = Buffer.buffer();
        Future<Void> chain = Future.succeededFuture();
        for (S3Object segment : segments) {
            chain = chain.compose(ignored -> bucket.get(segment.key())).map(content -> {
                all.appendBuffer(content);
                return null;
            });
        }
        return chain.map(all);
    }
}
