package dev.berth.registry.http;

import dev.berth.oci.MediaTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Manifests of the four kinds a registry takes, built over content the test chose. */
final class Manifests {
    private Manifests() {}

    static JsonObject ociImage(Content config, Content... layers) {
        return image(MediaTypes.OCI_MANIFEST, config, layers);
    }

    static JsonObject dockerImage(Content config, Content... layers) {
        return image(MediaTypes.DOCKER_MANIFEST, config, layers);
    }

    static JsonObject ociIndex(Content... manifests) {
        return index(MediaTypes.OCI_INDEX, manifests);
    }

    static JsonObject dockerList(Content... manifests) {
        return index(MediaTypes.DOCKER_MANIFEST_LIST, manifests);
    }

    private static JsonObject image(String mediaType, Content config, Content... layers) {
        JsonArray layerArray = new JsonArray();
        for (Content layer : layers) {
            layerArray.add(layer.descriptor());
        }
        return new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", mediaType)
                .put("config", config.descriptor())
                .put("layers", layerArray);
    }

    private static JsonObject index(String mediaType, Content... manifests) {
        JsonArray children = new JsonArray();
        for (Content manifest : manifests) {
            children.add(manifest.descriptor()
                    .put(
                            "platform",
                            new JsonObject().put("architecture", "amd64").put("os", "linux")));
        }
        return new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", mediaType)
                .put("manifests", children);
    }

    /** The same manifest, now referring to {@code subject}. */
    static JsonObject withSubject(JsonObject manifest, Content subject) {
        return manifest.copy().put("subject", subject.descriptor());
    }
}
