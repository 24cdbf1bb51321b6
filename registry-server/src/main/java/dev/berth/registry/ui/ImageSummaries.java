package dev.berth.registry.ui;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import dev.berth.registry.core.StoredManifests;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Summaries of manifests, kept by digest. A manifest and its config never change under their
 * digests, so a summary computed once stays true: a tag list of 1,000 tags reads the tags' links
 * afresh on every request but each manifest and config only the first time any page shows it. The
 * most recently used {@value #CAPACITY} summaries are kept (a few hundred bytes each).
 */
final class ImageSummaries {
    static final int CAPACITY = 50_000;
    /** Configs are small; one beyond this is not read for a summary. */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private final Registry registry;
    private final Map<Digest, ImageSummary> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, ImageSummary> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Loads under way, shared: a catalog page of repositories tagging one image reads it once. */
    private final Map<Digest, Future<ImageSummary>> loading = new HashMap<>();

    ImageSummaries(Registry registry) {
        this.registry = registry;
    }

    /** The summary of a manifest the repository holds; fails as the API's manifest GET does when it holds none. */
    Future<ImageSummary> of(String repository, Digest digest) {
        ImageSummary cached;
        synchronized (known) {
            cached = known.get(digest);
        }
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        // Shared by digest as the summaries are: they describe content, which is the same everywhere.
        Future<ImageSummary> load;
        synchronized (loading) {
            load = loading.get(digest);
            if (load == null) {
                load = registry.manifests()
                        .get(repository, digest.toString())
                        .compose(stored -> summarise(repository, stored));
                loading.put(digest, load);
                load.onComplete(done -> {
                    synchronized (loading) {
                        loading.remove(digest);
                    }
                    if (done.succeeded()) {
                        synchronized (known) {
                            known.put(digest, done.result());
                        }
                    }
                });
            }
        }
        return load;
    }

    private Future<ImageSummary> summarise(String repository, StoredManifest stored) {
        Manifest manifest = StoredManifests.parse(stored.content()).orElse(null);
        if (manifest == null) {
            // Taken by an older registry without validation: shown, but nothing is known of it.
            return Future.succeededFuture(new ImageSummary(
                    stored.digest(), stored.mediaType(), ImageKind.ARTIFACT, List.of(), 0, null, Map.of()));
        }
        ImageKind kind = ImageKind.of(manifest);
        return kind == ImageKind.INDEX
                ? summariseIndex(repository, stored, manifest)
                : summariseImage(repository, stored, manifest, kind);
    }

    private Future<ImageSummary> summariseImage(
            String repository, StoredManifest stored, Manifest manifest, ImageKind kind) {
        Map<Digest, Long> blobs = new LinkedHashMap<>();
        long size = 0;
        for (Descriptor layer : manifest.layers()) {
            size += layer.size();
            blobs.put(layer.digest(), layer.size());
        }
        Descriptor config = manifest.config();
        if (config == null) {
            return Future.succeededFuture(
                    new ImageSummary(stored.digest(), stored.mediaType(), kind, List.of(), size, null, blobs));
        }
        blobs.put(config.digest(), config.size());
        long layers = size;
        if (kind != ImageKind.IMAGE) {
            return Future.succeededFuture(
                    new ImageSummary(stored.digest(), stored.mediaType(), kind, List.of(), layers, null, blobs));
        }
        return registry.browser()
                .smallBlob(repository, config.digest().toString(), MAX_CONFIG_BYTES)
                .map(content -> content.map(ImageConfig::parse))
                .map(parsed -> new ImageSummary(
                        stored.digest(),
                        stored.mediaType(),
                        kind,
                        parsed.flatMap(ImageConfig::platform).stream().toList(),
                        layers,
                        parsed.flatMap(ImageConfig::created).orElse(null),
                        blobs));
    }

    private Future<ImageSummary> summariseIndex(String repository, StoredManifest stored, Manifest index) {
        List<Future<ImageSummary>> children = new ArrayList<>();
        for (Descriptor child : index.manifests()) {
            // A child that went missing leaves a gap in the sizes, not a broken page.
            children.add(of(repository, child.digest()).otherwiseEmpty());
        }
        return Future.all(children).map(v -> {
            Map<Digest, Long> blobs = new LinkedHashMap<>();
            List<String> platforms = new ArrayList<>();
            String created = null;
            for (int i = 0; i < children.size(); i++) {
                Platform platform = Platform.of(index.manifests().get(i));
                if (platform != null) {
                    platforms.add(platform.toString());
                }
                ImageSummary child = children.get(i).result();
                if (child != null) {
                    blobs.putAll(child.blobs());
                    if (child.created() != null
                            && (created == null || child.created().compareTo(created) > 0)) {
                        created = child.created();
                    }
                }
            }
            long size = blobs.values().stream()
                    .filter(Objects::nonNull)
                    .mapToLong(Long::longValue)
                    .sum();
            return new ImageSummary(
                    stored.digest(), stored.mediaType(), ImageKind.INDEX, platforms, size, created, blobs);
        });
    }
}
