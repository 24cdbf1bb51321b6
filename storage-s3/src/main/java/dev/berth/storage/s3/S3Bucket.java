package dev.berth.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 calls the driver makes on its one bucket, as Vert.x futures that complete on the calling
 * context: the SDK completes its futures on its own threads, and the driver's state must only
 * ever be touched from the context that owns it. Calls on one whole object go through Vert.x's
 * client instead ({@link S3HttpCalls}), as do listings of objects; copies and multipart uploads, and
 * their listings, through the SDK's.
 */
final class S3Bucket {
    /** Enough to make deleting a tree (or aborting its uploads) quick without hogging the client's connection pool. */
    private static final int PARALLEL_CALLS = 16;

    private final Vertx vertx;
    private final S3AsyncClient client;
    private final S3HttpCalls calls;
    private final String bucket;

    S3Bucket(Vertx vertx, S3AsyncClient client, S3HttpCalls calls, String bucket) {
        this.vertx = vertx;
        this.client = client;
        this.calls = calls;
        this.bucket = bucket;
    }

    /** The direct children of a key prefix: "sub-directories" (ending in '/') and objects. */
    record Children(List<String> prefixes, List<S3Object> objects) {
        boolean isEmpty() {
            return prefixes.isEmpty() && objects.isEmpty();
        }
    }

    Future<Buffer> get(String key) {
        return calls.get(key);
    }

    Future<Void> put(String key, Chunk content) {
        return calls.put(key, content);
    }

    Future<S3HttpCalls.Head> head(String key) {
        return calls.head(key);
    }

    Future<Void> headBucket() {
        return call(() -> client.headBucket(r -> r.bucket(bucket))).mapEmpty();
    }

    /** Whether any object's key starts with {@code prefix}: a "directory" exists exactly then. */
    Future<Optional<S3Object>> firstUnder(String prefix) {
        return calls.list(ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .maxKeys(1)
                        .build())
                .map(response -> response.contents().stream().findFirst());
    }

    /** Every object under {@code prefix}, in key order, across as many pages as it takes. */
    Future<List<S3Object>> listAll(String prefix) {
        List<S3Object> all = new ArrayList<>();
        return listPages(
                        ListObjectsV2Request.builder()
                                .bucket(bucket)
                                .prefix(prefix)
                                .build(),
                        page -> all.addAll(page.contents()))
                .map(all);
    }

    /** The direct children under {@code prefix}, across as many pages as it takes. */
    Future<Children> listChildren(String prefix) {
        Children children = new Children(new ArrayList<>(), new ArrayList<>());
        return listPages(
                        ListObjectsV2Request.builder()
                                .bucket(bucket)
                                .prefix(prefix)
                                .delimiter("/")
                                .build(),
                        page -> {
                            page.commonPrefixes().stream()
                                    .map(CommonPrefix::prefix)
                                    .forEach(children.prefixes()::add);
                            children.objects().addAll(page.contents());
                        })
                .map(children);
    }

    Future<Void> copy(String fromKey, String toKey) {
        return call(() -> client.copyObject(r -> r.sourceBucket(bucket)
                        .sourceKey(fromKey)
                        .destinationBucket(bucket)
                        .destinationKey(toKey)))
                .mapEmpty();
    }

    /** Deletes one object; S3 answers success whether or not it was there. */
    Future<Void> delete(String key) {
        return calls.delete(key);
    }

    /**
     * Deletes objects, a few at a time. One DeleteObject each rather than a multi-object delete:
     * that one needs a Content-MD5 or flexible checksum header that S3-compatible servers handle
     * unevenly (S3Proxy answers 501), while single deletes work everywhere.
     */
    Future<Void> deleteAll(List<String> keys) {
        return inBatches(keys, this::delete);
    }

    private static <T> Future<Void> inBatches(List<T> items, Function<T, Future<Void>> operation) {
        Future<Void> done = Future.succeededFuture();
        for (int start = 0; start < items.size(); start += PARALLEL_CALLS) {
            List<T> batch = items.subList(start, Math.min(items.size(), start + PARALLEL_CALLS));
            done = done.compose(ignored ->
                    Future.all(batch.stream().map(operation).toList()).mapEmpty());
        }
        return done;
    }

    Future<String> createMultipartUpload(String key) {
        return call(() -> client.createMultipartUpload(r -> r.bucket(bucket).key(key)))
                .map(response -> response.uploadId());
    }

    /** A part copied server-side from a whole existing object; nothing passes through this process. */
    Future<CompletedPart> uploadPartCopy(String key, String uploadId, int partNumber, String sourceKey) {
        return call(() -> client.uploadPartCopy(r -> r.sourceBucket(bucket)
                        .sourceKey(sourceKey)
                        .destinationBucket(bucket)
                        .destinationKey(key)
                        .uploadId(uploadId)
                        .partNumber(partNumber)))
                .map(response -> CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(response.copyPartResult().eTag())
                        .build());
    }

    Future<CompletedPart> uploadPart(String key, String uploadId, int partNumber, Chunk content) {
        return call(() -> client.uploadPart(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber), content.body()))
                .map(response -> CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(response.eTag())
                        .build());
    }

    Future<Void> completeMultipartUpload(String key, String uploadId, List<CompletedPart> parts) {
        return call(() -> client.completeMultipartUpload(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts))))
                .mapEmpty();
    }

    Future<Void> abortMultipartUpload(String key, String uploadId) {
        return call(() -> client.abortMultipartUpload(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId)))
                .mapEmpty();
    }

    /** Every multipart upload begun under {@code prefix} and neither completed nor aborted yet. */
    Future<List<MultipartUpload>> listMultipartUploads(String prefix) {
        List<MultipartUpload> all = new ArrayList<>();
        return listUploadPages(
                        ListMultipartUploadsRequest.builder()
                                .bucket(bucket)
                                .prefix(prefix)
                                .build(),
                        all)
                .map(all);
    }

    /**
     * Of {@code uploads}, those begun before {@code time} and with no part stored since (or none at
     * all), a few asked about at a time: one ListParts each.
     */
    Future<List<MultipartUpload>> idleSince(List<MultipartUpload> uploads, Instant time) {
        // Called off an event loop (scrub), each answer may come on a context of its own.
        List<MultipartUpload> idle = Collections.synchronizedList(new ArrayList<>());
        return inBatches(
                        uploads.stream()
                                .filter(upload -> upload.initiated() == null
                                        || upload.initiated().isBefore(time))
                                .toList(),
                        upload -> lastPartStored(
                                        ListPartsRequest.builder()
                                                .bucket(bucket)
                                                .key(upload.key())
                                                .uploadId(upload.uploadId())
                                                .build(),
                                        Optional.empty())
                                .map(last -> {
                                    if (last.isEmpty() || last.get().isBefore(time)) {
                                        idle.add(upload);
                                    }
                                    return null;
                                }))
                .map(done -> List.copyOf(idle));
    }

    /**
     * When the last part of an unfinished multipart upload was stored, or {@code before} while this
     * and later pages list none. Parts are numbered in the order a writer sends them, so the last one
     * listed is the latest.
     */
    private Future<Optional<Instant>> lastPartStored(ListPartsRequest request, Optional<Instant> before) {
        return call(() -> client.listParts(request)).compose(page -> {
            Optional<Instant> latest = page.parts().stream()
                    .map(Part::lastModified)
                    .filter(Objects::nonNull)
                    .reduce((first, second) -> second)
                    .or(() -> before);
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return Future.succeededFuture(latest);
            }
            return lastPartStored(
                    request.toBuilder()
                            .partNumberMarker(page.nextPartNumberMarker())
                            .build(),
                    latest);
        });
    }

    /**
     * Aborts each upload, a few at a time. One that is gone already (completed or aborted by its
     * writer meanwhile) is no failure: it holds no parts any more either way.
     */
    Future<Void> abortAll(List<MultipartUpload> uploads) {
        return inBatches(
                uploads,
                upload -> abortMultipartUpload(upload.key(), upload.uploadId())
                        .recover(failure ->
                                S3Errors.isMissing(failure) ? Future.succeededFuture() : Future.failedFuture(failure)));
    }

    Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }

    private Future<Void> listPages(ListObjectsV2Request request, Consumer<ListObjectsV2Response> onPage) {
        return calls.list(request).compose(page -> {
            onPage.accept(page);
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return Future.succeededFuture();
            }
            return listPages(
                    request.toBuilder()
                            .continuationToken(page.nextContinuationToken())
                            .build(),
                    onPage);
        });
    }

    private Future<Void> listUploadPages(ListMultipartUploadsRequest request, List<MultipartUpload> all) {
        return call(() -> client.listMultipartUploads(request)).compose(page -> {
            all.addAll(page.uploads());
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return Future.succeededFuture();
            }
            return listUploadPages(
                    request.toBuilder()
                            .keyMarker(page.nextKeyMarker())
                            .uploadIdMarker(page.nextUploadIdMarker())
                            .build(),
                    all);
        });
    }

    private <T> Future<T> call(Supplier<CompletableFuture<T>> request) {
        try {
            return Future.fromCompletionStage(request.get(), vertx.getOrCreateContext());
        } catch (RuntimeException e) {
            // The SDK validates some requests before it returns a future.
            return Future.failedFuture(e);
        }
    }
}
