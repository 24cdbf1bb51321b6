package dev.berth.bench;

import dev.berth.testkit.api.RegistryApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A small image (config and one layer) pushed once, whose manifest the request-rate scenarios
 * read and which the listing scenarios tag many times and place in many repositories.
 */
final class SeededImage {
    static final String REPOSITORY = "bench/app";
    static final String TAG = "latest";
    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final int LAYER_BYTES = 64 << 10;

    private final String configDigest;
    private final String layerDigest;
    private final byte[] manifest;

    private SeededImage(String configDigest, String layerDigest, byte[] manifest) {
        this.configDigest = configDigest;
        this.layerDigest = layerDigest;
        this.manifest = manifest;
    }

    static SeededImage push(RegistryApi api) {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = new byte[LAYER_BYTES];
        new SplittableRandom(LAYER_BYTES).nextBytes(layer);
        String configDigest = BlobFile.digestOf(config);
        String layerDigest = BlobFile.digestOf(layer);
        api.pushBlob(REPOSITORY, configDigest, BodyPublishers.ofByteArray(config));
        api.pushBlob(REPOSITORY, layerDigest, BodyPublishers.ofByteArray(layer));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + configDigest
                        + "\",\"size\":" + config.length + "},"
                        + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
                        + layerDigest
                        + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        api.putManifest(REPOSITORY, TAG, manifest);
        return new SeededImage(configDigest, layerDigest, manifest);
    }

    String manifestDigest() {
        return BlobFile.digestOf(manifest);
    }

    /** Makes the image's blobs present in {@code repository}, without uploading them again. */
    void mountInto(RegistryApi api, String repository) {
        api.mount(repository, configDigest, REPOSITORY);
        api.mount(repository, layerDigest, REPOSITORY);
    }

    void tag(RegistryApi api, String repository, String tag) {
        api.putManifest(repository, tag, manifest);
    }
}
