package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.Registry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** GET, HEAD and DELETE of {@code /v2/<name>/blobs/<digest>}. */
final class BlobHandler {
    private final Registry registry;

    BlobHandler(Registry registry) {
        this.registry = registry;
    }

    Future<Void> get(HttpServerRequest request, ApiPath path) {
        return registry.blobs().find(path.name(), path.reference()).compose(blob -> send(request, blob));
    }

    Future<Void> delete(HttpServerRequest request, ApiPath path) {
        return registry.blobs().delete(path.name(), path.reference())
                .compose(v -> request.response().setStatusCode(202).putHeader("Content-Length", "0").end());
    }

    private Future<Void> send(HttpServerRequest request, BlobSource blob) {
        HttpServerResponse response = request.response();
        ByteRange range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), blob.size());
        } catch (DistributionException unsatisfiable) {
            response.putHeader("Content-Range", "bytes */" + blob.size());
            throw unsatisfiable;
        }
        long offset = range == null ? 0 : range.offset();
        long length = range == null ? blob.size() : range.length();
        response.putHeader(Headers.CONTENT_DIGEST, blob.digest().toString())
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("ETag", "\"" + blob.digest() + "\"")
                .putHeader("Cache-Control", "max-age=31536000")
                .putHeader("Content-Length", String.valueOf(length));
        if (range != null) {
            response.setStatusCode(206)
                    .putHeader("Content-Range", "bytes " + range.offset() + "-" + range.last() + "/" + blob.size());
        }
        if (request.method() == HttpMethod.HEAD) {
            return response.end();
        }
        if (blob.localFile().isPresent()) {
            return response.sendFile(blob.localFile().get().toString(), offset, length);
        }
        return blob.open(offset, length).compose(stream -> stream.pipeTo(response));
    }
}
