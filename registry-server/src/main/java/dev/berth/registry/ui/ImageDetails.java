package dev.berth.registry.ui;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import dev.berth.registry.core.StoredManifests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image page's content: the manifest or index (children per platform), the config's execution
 * settings and labels, the history with the layer each step made, the layers, and the referrers
 * (signatures, SBOMs, attestations) by artifact type; the raw manifest and config for "show JSON".
 * Every string goes out as JSON data, never as markup: the page renders it as text.
 */
final class ImageDetails {
    /** A config larger than this is not shown (configs are a few KiB; this is no image's). */
    static final long MAX_CONFIG_BYTES = 4 * 1024 * 1024;

    private final Registry registry;

    ImageDetails(Registry registry) {
        this.registry = registry;
    }

    /** Fails as the API's manifest GET does: NAME_INVALID, DIGEST_INVALID, MANIFEST_UNKNOWN. */
    Future<JsonObject> of(String repository, String reference) {
        return registry.manifests().get(repository, reference).compose(stored -> describe(repository, stored));
    }

    private Future<JsonObject> describe(String repository, StoredManifest stored) {
        Optional<Manifest> parsed = StoredManifests.parse(stored.content());
        JsonObject page = new JsonObject()
                .put("repository", repository)
                .put("digest", stored.digest().toString())
                .put("mediaType", stored.mediaType())
                .put("size", stored.content().length())
                .put("manifest", stored.content().toString(StandardCharsets.UTF_8));
        Future<List<Descriptor>> referrers =
                registry.referrers().list(repository, stored.digest().toString(), null);
        if (parsed.isEmpty()) {
            page.put("kind", ImageKind.ARTIFACT.label());
            return referrers.map(found -> page.put("referrers", descriptors(byArtifactType(found))));
        }
        Manifest manifest = parsed.get();
        page.put("kind", ImageKind.of(manifest).label())
                .put("artifactType", manifest.referrerArtifactType())
                .put("annotations", strings(manifest.annotations()))
                .put("children", children(manifest))
                .put("layers", descriptors(manifest.layers()));
        Future<Optional<ImageConfig>> config = manifest.config() == null
                ? Future.succeededFuture(Optional.empty())
                : registry.browser()
                        .smallBlob(repository, manifest.config().digest().toString(), MAX_CONFIG_BYTES)
                        .map(content -> content.map(ImageConfig::parse));
        return Future.all(referrers, config).map(v -> {
            page.put("referrers", descriptors(byArtifactType(referrers.result())));
            config.result()
                    .ifPresent(found ->
                            page.put("config", configOf(manifest, found)).put("history", history(manifest, found)));
            return page;
        });
    }

    private static JsonObject configOf(Manifest manifest, ImageConfig config) {
        return config.execution()
                .put("digest", manifest.config().digest().toString())
                .put("mediaType", manifest.config().mediaType())
                .put("created", config.created().orElse(null))
                .put("platform", config.platform().orElse(null))
                .put("raw", config.json().encodePrettily());
    }

    /** Each step of the history with the layer it made: steps marked empty_layer made none. */
    private static JsonArray history(Manifest manifest, ImageConfig config) {
        JsonArray steps = new JsonArray();
        int layer = 0;
        for (Object entry : config.history()) {
            if (!(entry instanceof JsonObject step)) {
                continue;
            }
            JsonObject shown = new JsonObject()
                    .put("created", text(step.getValue("created")))
                    .put("createdBy", text(step.getValue("created_by")))
                    .put("comment", text(step.getValue("comment")));
            boolean empty = Boolean.TRUE.equals(step.getValue("empty_layer"));
            if (!empty && layer < manifest.layers().size()) {
                Descriptor made = manifest.layers().get(layer++);
                shown.put("layerDigest", made.digest().toString()).put("layerSize", made.size());
            }
            steps.add(shown.put("emptyLayer", empty));
        }
        return steps;
    }

    /** Signatures together, SBOMs together: the referrers grouped by artifact type, each group by digest. */
    private static List<Descriptor> byArtifactType(List<Descriptor> referrers) {
        return referrers.stream()
                .sorted(Comparator.comparing((Descriptor d) -> String.valueOf(d.artifactType()))
                        .thenComparing(d -> d.digest().toString()))
                .toList();
    }

    private static JsonArray children(Manifest manifest) {
        JsonArray children = new JsonArray();
        for (Descriptor child : manifest.manifests()) {
            Platform platform = Platform.of(child);
            children.add(describe(child).put("platform", platform == null ? null : platform.toString()));
        }
        return children;
    }

    private static JsonArray descriptors(List<Descriptor> found) {
        JsonArray list = new JsonArray();
        found.forEach(descriptor -> list.add(describe(descriptor)));
        return list;
    }

    private static JsonObject describe(Descriptor descriptor) {
        return new JsonObject()
                .put("digest", descriptor.digest().toString())
                .put("mediaType", descriptor.mediaType())
                .put("artifactType", descriptor.artifactType())
                .put("size", descriptor.size())
                .put("annotations", strings(descriptor.annotations()));
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject object = new JsonObject();
        map.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> object.put(entry.getKey(), entry.getValue()));
        return object;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
