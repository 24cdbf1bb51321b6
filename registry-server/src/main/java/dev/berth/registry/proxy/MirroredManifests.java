package dev.berth.registry.proxy;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.ManifestParser;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Names;
import dev.berth.registry.core.ManifestService;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import dev.berth.registry.metrics.MirrorMetrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manifests of mirrored repositories. By digest: fetched once and kept, as the digest pins the
 * content. By tag: served from the store while the tag is younger than the upstream's tagTtl;
 * older, the upstream is asked with a HEAD, and the manifest fetched again only when the tag
 * moved. An upstream that cannot be asked does not stop a pull of a tag cached before: the cached
 * manifest is served (stale, logged and counted).
 */
final class MirroredManifests {
    private static final Logger LOG = LoggerFactory.getLogger(MirroredManifests.class);
    static final String ACCEPT = String.join(
            ", ",
            MediaTypes.OCI_INDEX,
            MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.DOCKER_MANIFEST);

    private final Registry registry;
    private final MirrorMetrics metrics;
    private final Clock clock;

    MirroredManifests(Registry registry, MirrorMetrics metrics, Clock clock) {
        this.registry = registry;
        this.metrics = metrics;
        this.clock = clock;
    }

    Future<StoredManifest> get(Route route, String reference) {
        if (Digest.isValid(reference)) {
            return registry.manifests()
                    .get(route.repository(), reference)
                    .map(found -> {
                        metrics.hit(route.upstreamName());
                        return found;
                    })
                    .recover(e -> unknown(e) ? fetch(route, reference) : Future.failedFuture(e));
        }
        if (!Names.isTag(reference)) {
            // Neither digest nor tag: the core's answer for a malformed reference.
            return registry.manifests().get(route.repository(), reference);
        }
        return registry.tags()
                .taggedAt(route.repository(), reference)
                .compose(taggedAt ->
                        taggedAt.isEmpty() ? fetch(route, reference) : cachedTag(route, reference, taggedAt.get()));
    }

    private Future<StoredManifest> cachedTag(Route route, String tag, Instant taggedAt) {
        return registry.manifests().get(route.repository(), tag).transform(local -> {
            if (local.failed()) {
                return unknown(local.cause()) ? fetch(route, tag) : Future.failedFuture(local.cause());
            }
            if (taggedAt.plus(route.settings().tagTtl()).isAfter(clock.instant())) {
                metrics.hit(route.upstreamName());
                return Future.succeededFuture(local.result());
            }
            return revalidate(route, tag, local.result());
        });
    }

    /**
     * Asks the upstream where the tag points now. Unchanged: the cached manifest is tagged again,
     * which starts its tagTtl afresh. Moved: the new manifest is fetched. Unreachable or failing:
     * the cached one is served, stale.
     */
    private Future<StoredManifest> revalidate(Route route, String tag, StoredManifest cached) {
        return route.upstream()
                .send(HttpMethod.HEAD, route.remote(), "manifests/" + tag, ACCEPT)
                .compose(response -> route.upstream().body(response).map(response))
                .compose(response -> {
                    String digest = response.getHeader("Docker-Content-Digest");
                    if (response.statusCode() == 200
                            && cached.digest().toString().equals(digest)) {
                        metrics.hit(route.upstreamName());
                        return registry.manifests()
                                .putMirrored(route.repository(), tag, cached.content(), cached.mediaType())
                                .map(cached);
                    }
                    if (response.statusCode() == 200) {
                        return fetch(route, tag);
                    }
                    return failed(route, response, ErrorCode.MANIFEST_UNKNOWN);
                })
                .recover(e -> {
                    if (!(e instanceof UpstreamException)) {
                        return Future.failedFuture(e);
                    }
                    metrics.staleServe(route.upstreamName());
                    LOG.warn(
                            "mirror {}: serving cached {}:{} ({}) stale: {}",
                            route.upstreamName(),
                            route.repository(),
                            tag,
                            cached.digest(),
                            e.getMessage());
                    return Future.succeededFuture(cached);
                });
    }

    /** Fetches the manifest from the upstream, checks it against the digest it must have, and keeps it. */
    private Future<StoredManifest> fetch(Route route, String reference) {
        metrics.miss(route.upstreamName());
        return route.upstream()
                .send(HttpMethod.GET, route.remote(), "manifests/" + reference, ACCEPT)
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return failed(route, response, ErrorCode.MANIFEST_UNKNOWN);
                    }
                    if (announcedTooLarge(response.getHeader("Content-Length"))) {
                        // Not read at all: a manifest is held in memory, so its size is bounded before.
                        response.request().reset();
                        return Future.failedFuture(tooLarge(route));
                    }
                    return route.upstream().body(response).compose(body -> keep(route, reference, response, body));
                })
                .onFailure(e -> {
                    if (!unknown(e)) {
                        metrics.upstreamError(route.upstreamName());
                    }
                    LOG.warn(
                            "mirror {}: cannot fetch manifest {} of {} (upstream {}): {}",
                            route.upstreamName(),
                            reference,
                            route.repository(),
                            route.remote(),
                            e.getMessage());
                });
    }

    private Future<StoredManifest> keep(Route route, String reference, HttpClientResponse response, Buffer body) {
        if (body.length() > ManifestService.MAX_MANIFEST_BYTES) {
            return Future.failedFuture(tooLarge(route));
        }
        byte[] bytes = body.getBytes();
        Optional<Digest> expected = Digest.isValid(reference)
                ? Optional.of(Digest.parse(reference))
                : Optional.ofNullable(response.getHeader("Docker-Content-Digest"))
                        .filter(Digest::isValid)
                        .map(Digest::parse);
        Digest actual = expected.map(d -> Digest.of(d.algorithm(), bytes)).orElseGet(() -> Digest.sha256(bytes));
        if (expected.isPresent() && !expected.get().equals(actual)) {
            return Future.failedFuture(UpstreamException.unavailable(
                    route.upstreamName(),
                    "sent a manifest for " + route.remote() + ":" + reference + " whose content hashes to " + actual
                            + ", not " + expected.get() + "; nothing was kept"));
        }
        String contentType = Optional.ofNullable(response.getHeader("Content-Type"))
                .map(MediaTypes::essence)
                .orElseGet(() -> ManifestParser.storedMediaType(bytes));
        return registry.manifests()
                .putMirrored(route.repository(), reference, body, contentType)
                .map(pushed -> {
                    LOG.info(
                            "mirror {}: fetched manifest {}:{} ({}, {} bytes) as {}",
                            route.upstreamName(),
                            route.remote(),
                            reference,
                            pushed.digest(),
                            bytes.length,
                            route.repository());
                    return new StoredManifest(pushed.digest(), ManifestParser.storedMediaType(bytes), body);
                });
    }

    private static boolean announcedTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > ManifestService.MAX_MANIFEST_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static UpstreamException tooLarge(Route route) {
        return UpstreamException.unavailable(
                route.upstreamName(), "sent a manifest larger than " + ManifestService.MAX_MANIFEST_BYTES + " bytes");
    }

    private static Future<StoredManifest> failed(Route route, HttpClientResponse response, ErrorCode whenUnknown) {
        return route.upstream().refusal(response, whenUnknown).compose(Future::failedFuture);
    }

    private static boolean unknown(Throwable e) {
        return e instanceof DistributionException d && d.code() == ErrorCode.MANIFEST_UNKNOWN;
    }
}
