package dev.berth.registry.ui;

import dev.berth.oci.Digest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One line of a repository's tag list: what a manifest is, for which platforms, how big and how
 * old. Content-addressed, so it never goes stale once computed.
 *
 * @param size    the compressed size: the sum of the layers (an index: of its images' distinct layers)
 * @param created the config's created time (an index: its newest image's), or null
 * @param blobs   the distinct blobs (configs and layers) and their sizes, for a repository's size
 */
record ImageSummary(
        Digest digest,
        String mediaType,
        ImageKind kind,
        List<String> platforms,
        long size,
        String created,
        Map<Digest, Long> blobs) {

    ImageSummary {
        platforms = List.copyOf(platforms);
        blobs = Map.copyOf(blobs);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("digest", digest.toString())
                .put("mediaType", mediaType)
                .put("kind", kind.label())
                .put("platforms", new JsonArray(platforms))
                .put("size", size)
                .put("created", created);
    }
}
