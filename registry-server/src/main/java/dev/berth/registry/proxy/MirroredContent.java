package dev.berth.registry.proxy;

import dev.berth.oci.Descriptor;
import dev.berth.registry.config.ProxyConfig;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.metrics.MirrorMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The pull-through mirror as the API sees it: repositories an upstream serves are read through
 * the mirror, which fills the store from the upstream; every other repository reads the store as
 * before. Cached content is ordinary content, so listings, garbage collection, scrub and access
 * rules treat it like any pushed image.
 */
public final class MirroredContent implements ContentSource {
    private final ContentSource local;
    private final Upstreams upstreams;
    private final MirroredManifests manifests;
    private final MirroredBlobs blobs;
    private final MirroredReferrers referrers;

    private MirroredContent(ContentSource local, Upstreams upstreams, Registry registry, MirrorMetrics metrics) {
        this.local = local;
        this.upstreams = upstreams;
        this.manifests = new MirroredManifests(registry, metrics, Clock.systemUTC());
        this.blobs = new MirroredBlobs(registry, metrics);
        this.referrers = new MirroredReferrers(local, metrics);
    }

    /** {@code local} alone when no upstream is configured. */
    public static ContentSource over(
            Vertx vertx, ProxyConfig config, ContentSource local, Registry registry, MirrorMetrics metrics) {
        if (config.upstreams().isEmpty()) {
            return local;
        }
        return new MirroredContent(local, Upstreams.open(vertx, config.upstreams()), registry, metrics);
    }

    @Override
    public Future<StoredManifest> manifest(String repository, String reference) {
        return upstreams
                .route(repository)
                .map(route -> manifests.get(route, reference))
                .orElseGet(() -> local.manifest(repository, reference));
    }

    @Override
    public Future<BlobSource> blob(String repository, String digest, boolean content) {
        return upstreams
                .route(repository)
                .map(route -> blobs.get(route, digest, content))
                .orElseGet(() -> local.blob(repository, digest, content));
    }

    @Override
    public Future<List<Descriptor>> referrers(String repository, String subject, String artifactType) {
        return upstreams
                .route(repository)
                .map(route -> referrers.list(route, subject, artifactType))
                .orElseGet(() -> local.referrers(repository, subject, artifactType));
    }

    @Override
    public Optional<String> mirroredBy(String repository) {
        return upstreams.route(repository).map(Route::upstreamName);
    }
}
