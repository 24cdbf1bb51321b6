package dev.berth.registry.proxy;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.Registry;
import dev.berth.registry.metrics.MirrorMetrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs of mirrored repositories: from the store when it has them, else from the one
 * {@link BlobFill} of that blob, which the first GET starts and every GET meanwhile shares. A
 * client that asks before the fill's first byte streams along with it; a later one, or one that
 * asks for a range, gets the blob from the store once the fill verified it. A HEAD asks the
 * upstream for the size and fills nothing.
 */
final class MirroredBlobs {
    private final Registry registry;
    private final MirrorMetrics metrics;
    private final Map<String, BlobFill> fills = new ConcurrentHashMap<>();

    MirroredBlobs(Registry registry, MirrorMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    Future<BlobSource> get(Route route, String digestText, boolean content) {
        return registry.blobs()
                .find(route.repository(), digestText)
                .map(found -> {
                    metrics.hit(route.upstreamName());
                    return found;
                })
                .recover(e -> {
                    if (!(e instanceof DistributionException d && d.code() == ErrorCode.BLOB_UNKNOWN)) {
                        return Future.failedFuture(e);
                    }
                    Digest digest = Digest.parse(digestText);
                    return content ? fromFill(route, digest) : headUpstream(route, digest);
                });
    }

    private Future<BlobSource> fromFill(Route route, Digest digest) {
        String key = route.repository() + "@" + digest;
        BlobFill fill = fills.computeIfAbsent(key, k -> {
            BlobFill started = BlobFill.start(route, digest, registry, metrics);
            started.stored().onComplete(done -> fills.remove(k, started));
            return started;
        });
        return fill.announcedSize()
                .compose(size -> size < 0
                        ? fill.stored().compose(v -> registry.blobs().find(route.repository(), digest.toString()))
                        : Future.succeededFuture(new BlobSource(
                                digest,
                                size,
                                Optional.empty(),
                                (offset, length) -> open(route, fill, digest, size, offset, length),
                                ttl -> Future.succeededFuture(Optional.empty()))));
    }

    private Future<ReadStream<Buffer>> open(
            Route route, BlobFill fill, Digest digest, long size, long offset, long length) {
        Future<Optional<ReadStream<Buffer>>> live =
                offset == 0 && length == size ? fill.join() : Future.succeededFuture(Optional.empty());
        return live.compose(joined -> joined.isPresent()
                ? Future.succeededFuture(joined.get())
                : fill.stored()
                        .compose(v -> registry.blobs().find(route.repository(), digest.toString()))
                        .compose(stored -> stored.open(offset, length)));
    }

    private Future<BlobSource> headUpstream(Route route, Digest digest) {
        metrics.miss(route.upstreamName());
        return route.upstream()
                .send(HttpMethod.HEAD, route.remote(), "blobs/" + digest, null)
                .compose(response -> {
                    String length = response.getHeader("Content-Length");
                    if (response.statusCode() != 200 || length == null || !length.matches("[0-9]{1,18}")) {
                        return route.upstream()
                                .refusal(response, ErrorCode.BLOB_UNKNOWN)
                                .compose(Future::failedFuture);
                    }
                    return route.upstream()
                            .body(response)
                            .map(ignored -> new BlobSource(
                                    digest,
                                    Long.parseLong(length),
                                    Optional.empty(),
                                    (offset, count) -> Future.failedFuture(
                                            new IllegalStateException("a HEAD answer has no content")),
                                    ttl -> Future.succeededFuture(Optional.empty())));
                });
    }
}
