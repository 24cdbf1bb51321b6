package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.core.CompletedBlob;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.UploadStatus;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Optional;
import java.util.function.Predicate;

/** The blob upload endpoints: POST to open (or mount, or upload whole), PATCH, PUT, GET, DELETE. */
final class UploadHandler {
    private final Registry registry;

    UploadHandler(Registry registry) {
        this.registry = registry;
    }

    /**
     * POST {@code /v2/<name>/blobs/uploads/}: a mount, a monolithic upload, or a new session.
     * {@code mayPull}: the repositories the caller may take a mounted blob from; a mount from any
     * other, or of a blob no such repository holds, gets a session instead.
     */
    Future<Void> post(HttpServerRequest request, ApiPath path, Predicate<String> mayPull) {
        String mount = request.getParam("mount");
        if (mount != null) {
            String from = request.getParam("from");
            Future<Optional<CompletedBlob>> mounted;
            if (from == null) {
                mounted = registry.blobs().mountFromAnyHolder(path.name(), mount, mayPull);
            } else if (mayPull.test(from)) {
                mounted = registry.blobs().mount(path.name(), from, mount);
            } else {
                mounted = Future.succeededFuture(Optional.empty());
            }
            return mounted.compose(
                    blob -> blob.isPresent() ? created(request, blob.get()) : startSession(request, path));
        }
        String digest = request.getParam("digest");
        if (digest != null) {
            return registry.uploads()
                    .monolithic(path.name(), digest, RequestBody.of(request))
                    .compose(blob -> created(request, blob));
        }
        return startSession(request, path);
    }

    private Future<Void> startSession(HttpServerRequest request, ApiPath path) {
        return registry.uploads().start(path.name()).compose(status -> accepted(request, status, 202));
    }

    /** PATCH: one chunk (with Content-Range) or the rest of the stream (without). */
    Future<Void> patch(HttpServerRequest request, ApiPath path) {
        RequestBody body = RequestBody.of(request);
        ContentRange range = ContentRange.parse(request.getHeader("Content-Range"));
        checkLength(request, range);
        return registry.uploads()
                .append(path.name(), path.reference(), range == null ? null : range.start(), body)
                .compose(status -> accepted(request, status, 202));
    }

    /** PUT {@code ?digest=}: completes the session, with or without a last chunk. */
    Future<Void> put(HttpServerRequest request, ApiPath path) {
        String digest = request.getParam("digest");
        if (digest == null) {
            throw new DistributionException(ErrorCode.DIGEST_INVALID, "the digest query parameter is required");
        }
        RequestBody body = RequestBody.of(request);
        ContentRange range = ContentRange.parse(request.getHeader("Content-Range"));
        checkLength(request, range);
        return registry.uploads()
                .complete(path.name(), path.reference(), digest, range == null ? null : range.start(), body)
                .compose(blob -> created(request, blob));
    }

    Future<Void> status(HttpServerRequest request, ApiPath path) {
        return registry.uploads()
                .status(path.name(), path.reference())
                .compose(status -> accepted(request, status, 204));
    }

    Future<Void> cancel(HttpServerRequest request, ApiPath path) {
        return registry.uploads()
                .cancel(path.name(), path.reference())
                .compose(v -> request.response().setStatusCode(204).end());
    }

    /** A Content-Range must cover exactly the chunk's Content-Length. */
    private static void checkLength(HttpServerRequest request, ContentRange range) {
        String length = request.getHeader("Content-Length");
        if (range != null && length != null && !length.equals(String.valueOf(range.length()))) {
            throw new DistributionException(
                    ErrorCode.BLOB_UPLOAD_INVALID,
                    416,
                    "Content-Range covers " + range.length() + " bytes but Content-Length is " + length,
                    null);
        }
    }

    static void describe(HttpServerResponse response, UploadStatus status) {
        long last = Math.max(status.offset() - 1, 0);
        response.putHeader("Location", Locations.upload(status.repository(), status.id()))
                .putHeader("Range", "0-" + last)
                .putHeader(Headers.UPLOAD_UUID, status.id());
    }

    private static Future<Void> accepted(HttpServerRequest request, UploadStatus status, int code) {
        HttpServerResponse response = request.response();
        describe(response, status);
        return response.setStatusCode(code).putHeader("Content-Length", "0").end();
    }

    private static Future<Void> created(HttpServerRequest request, CompletedBlob blob) {
        return request.response()
                .setStatusCode(201)
                .putHeader("Location", Locations.blob(blob.repository(), blob.digest()))
                .putHeader(Headers.CONTENT_DIGEST, blob.digest().toString())
                .putHeader("Content-Length", "0")
                .end();
    }
}
