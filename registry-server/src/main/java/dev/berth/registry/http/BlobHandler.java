package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.Registry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** GET, HEAD and DELETE of {@code /v2/<name>/blobs/<digest>}. */
final class BlobHandler {
    /**
     * How long a redirect URL stays valid. The storage checks it when the client's request starts,
     * so it only needs to cover the client following the redirect, not the whole transfer.
     */
    private static final Duration REDIRECT_TTL = Duration.ofMinutes(5);

    private final Registry registry;
    private final ContentSource content;

    BlobHandler(Registry registry, ContentSource content) {
        this.registry = registry;
        this.content = content;
    }

    Future<Void> get(RoutingContext ctx, ApiPath path) {
        HttpServerRequest request = ctx.request();
        return content.blob(path.name(), path.reference(), request.method() != HttpMethod.HEAD)
                .compose(blob -> redirectOrSend(ctx, blob));
    }

    /**
     * Whole-blob GETs go to the storage's URL when it offers one, as registry:2 does. Ranged GETs
     * are always answered here, so that resumed pulls get exactly the range they asked for, and
     * HEADs too, so that the digest and size come from the registry.
     */
    private Future<Void> redirectOrSend(RoutingContext ctx, BlobSource blob) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET || request.getHeader("Range") != null) {
            return send(ctx, blob);
        }
        return blob.redirectUrl(REDIRECT_TTL)
                .compose(url -> url.isPresent()
                        ? request.response()
                                .setStatusCode(307)
                                .putHeader("Location", url.get().toString())
                                .putHeader(Headers.CONTENT_DIGEST, blob.digest().toString())
                                .putHeader("Content-Length", "0")
                                .end()
                        : send(ctx, blob));
    }

    Future<Void> delete(HttpServerRequest request, ApiPath path) {
        return registry.blobs()
                .delete(path.name(), path.reference())
                .compose(v -> request.response()
                        .setStatusCode(202)
                        .putHeader("Content-Length", "0")
                        .end());
    }

    private Future<Void> send(RoutingContext ctx, BlobSource blob) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = request.response();
        ByteRange range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), blob.size());
        } catch (DistributionException unsatisfiable) {
            response.putHeader("Content-Range", "bytes */" + blob.size());
            throw unsatisfiable;
        }
        if (request.method() == HttpMethod.HEAD) {
            return describe(response, blob, range).end();
        }
        long offset = range == null ? 0 : range.offset();
        long length = range == null ? blob.size() : range.length();
        if (blob.localFile().isPresent()) {
            return describe(response, blob, range)
                    .sendFile(blob.localFile().get().toString(), offset, length);
        }
        // Opened before the headers are set: a blob that cannot be opened (a mirror's fill that
        // failed) is answered with an error whose headers say nothing of the blob.
        return blob.open(offset, length).compose(stream -> {
            describe(response, blob, range);
            return stream.pipeTo(SentBytes.destination(ctx));
        });
    }

    private static HttpServerResponse describe(HttpServerResponse response, BlobSource blob, ByteRange range) {
        response.putHeader(Headers.CONTENT_DIGEST, blob.digest().toString())
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("ETag", "\"" + blob.digest() + "\"")
                .putHeader("Cache-Control", "max-age=31536000")
                .putHeader("Content-Length", String.valueOf(range == null ? blob.size() : range.length()));
        if (range != null) {
            response.setStatusCode(206)
                    .putHeader("Content-Range", "bytes " + range.offset() + "-" + range.last() + "/" + blob.size());
        }
        return response;
    }
}
