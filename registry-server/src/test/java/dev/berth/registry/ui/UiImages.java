package dev.berth.registry.ui;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/**
 * Images for the UI's tests, pushed through the distribution API as a client would: an image whose
 * config has every field the image page shows, a two-platform index, a referrer, and many small
 * repositories for the catalog.
 */
final class UiImages {
    static final String SBOM_TYPE = "application/spdx+json";

    private final RegistryClient client;
    private final RegistryApi api;
    private final Random random = new Random(19);

    UiImages(URI registry) {
        this.client = new RegistryClient(registry);
        this.api = new RegistryApi(registry);
    }

    /** What an image push left: the manifest's digest and its one layer's. */
    record Pushed(String digest, String layerDigest, int layerSize) {}

    /** An image with a config holding entrypoint, cmd, env, working dir, user, ports, labels and history. */
    Pushed image(String repository, String tag, String architecture, Map<String, String> labels) {
        byte[] layer = new byte[1500 + random.nextInt(500)];
        random.nextBytes(layer);
        String layerDigest = api.uploadBlob(repository, layer);
        JsonObject labelObject = new JsonObject();
        labels.forEach(labelObject::put);
        JsonObject config = new JsonObject()
                .put("created", "2026-11-0" + (1 + random.nextInt(9)) + "T10:00:00Z")
                .put("architecture", architecture)
                .put("os", "linux")
                .put(
                        "config",
                        new JsonObject()
                                .put("Entrypoint", new JsonArray().add("/bin/busybox"))
                                .put("Cmd", new JsonArray().add("httpd").add("-f"))
                                .put("Env", new JsonArray().add("PATH=/bin").add("GREETING=hello"))
                                .put("WorkingDir", "/srv")
                                .put("User", "1000:1000")
                                .put("ExposedPorts", new JsonObject().put("8080/tcp", new JsonObject()))
                                .put("Labels", labelObject))
                .put(
                        "rootfs",
                        new JsonObject()
                                .put("type", "layers")
                                .put(
                                        "diff_ids",
                                        new JsonArray().add(Digest.sha256(layer).toString())))
                .put(
                        "history",
                        new JsonArray()
                                .add(new JsonObject().put("created_by", "ADD rootfs.tar /"))
                                .add(new JsonObject()
                                        .put("created_by", "ENV GREETING=hello")
                                        .put("empty_layer", true)));
        byte[] configBytes = config.encode().getBytes(StandardCharsets.UTF_8);
        String configDigest = api.uploadBlob(repository, configBytes);
        JsonObject manifest = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_MANIFEST)
                .put("config", descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length))
                .put("layers", new JsonArray().add(descriptor(MediaTypes.OCI_LAYER_GZIP, layerDigest, layer.length)));
        return new Pushed(put(repository, tag, MediaTypes.OCI_MANIFEST, manifest), layerDigest, layer.length);
    }

    /** An index of two images, linux/amd64 and linux/arm64, tagged {@code tag}. */
    String index(String repository, String tag) {
        JsonArray children = new JsonArray();
        for (String architecture : new String[] {"amd64", "arm64"}) {
            Pushed child = image(repository, null, architecture, Map.of());
            byte[] bytes = client.get(
                            "/v2/" + repository + "/manifests/" + child.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                    .body();
            children.add(descriptor(MediaTypes.OCI_MANIFEST, child.digest(), bytes.length)
                    .put("platform", new JsonObject().put("os", "linux").put("architecture", architecture)));
        }
        JsonObject index = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_INDEX)
                .put("manifests", children);
        return put(repository, tag, MediaTypes.OCI_INDEX, index);
    }

    /** An SBOM artifact that refers to {@code subject}, pushed by digest, with annotations. */
    String referrer(String repository, String subject, Map<String, String> annotations) {
        return referrer(repository, subject, SBOM_TYPE, annotations);
    }

    /** An artifact of {@code artifactType} (a signature, an SBOM, an attestation) that refers to {@code subject}. */
    String referrer(String repository, String subject, String artifactType, Map<String, String> annotations) {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String emptyDigest = api.uploadBlob(repository, empty);
        byte[] sbom = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8);
        String sbomDigest = api.uploadBlob(repository, sbom);
        byte[] subjectBytes = client.get(
                        "/v2/" + repository + "/manifests/" + subject, "Accept", RegistryApi.MANIFEST_ACCEPT)
                .body();
        JsonObject annotationObject = new JsonObject();
        annotations.forEach(annotationObject::put);
        JsonObject manifest = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_MANIFEST)
                .put("artifactType", artifactType)
                .put("config", descriptor(MediaTypes.OCI_EMPTY, emptyDigest, empty.length))
                .put("layers", new JsonArray().add(descriptor(artifactType, sbomDigest, sbom.length)))
                .put("subject", descriptor(MediaTypes.OCI_MANIFEST, subject, subjectBytes.length))
                .put("annotations", annotationObject);
        return put(repository, null, MediaTypes.OCI_MANIFEST, manifest);
    }

    /**
     * The smallest image a repository can hold (an empty config, no layer), tagged {@code latest}:
     * two requests, so that a catalog of thousands fills in seconds.
     */
    void tiny(String repository) {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String emptyDigest = api.uploadBlob(repository, empty);
        JsonObject manifest = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_MANIFEST)
                .put("artifactType", "application/vnd.example.tiny")
                .put("config", descriptor(MediaTypes.OCI_EMPTY, emptyDigest, empty.length))
                .put("layers", new JsonArray());
        put(repository, "latest", MediaTypes.OCI_MANIFEST, manifest);
    }

    private String put(String repository, String tag, String mediaType, JsonObject manifest) {
        byte[] bytes = manifest.encode().getBytes(StandardCharsets.UTF_8);
        String digest = Digest.sha256(bytes).toString();
        client.put("/v2/" + repository + "/manifests/" + (tag == null ? digest : tag), bytes, "Content-Type", mediaType)
                .hasStatus(201);
        return digest;
    }

    private static JsonObject descriptor(String mediaType, String digest, long size) {
        return new JsonObject()
                .put("mediaType", mediaType)
                .put("digest", digest)
                .put("size", size);
    }
}
