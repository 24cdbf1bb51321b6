package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** The pushes most tests begin with, each checked to succeed so a test fails where things first go wrong. */
final class Pushes {
    private static final AtomicInteger IMAGES = new AtomicInteger();
    private final RegistryClient api;

    Pushes(RegistryClient api) {
        this.api = api;
    }

    /** Pushes a blob in one POST. */
    Content blob(String repository, Content blob) {
        Reply reply = api.post(
                "/v2/" + repository + "/blobs/uploads/?digest=" + blob.digest(),
                blob.bytes(),
                "Content-Type",
                Content.OCTET_STREAM);
        assertThat(reply.status()).as("blob push: %s", reply.text()).isEqualTo(201);
        return blob;
    }

    Content randomBlob(String repository, int size) {
        return blob(repository, Content.random(size));
    }

    /** Pushes a manifest by tag or digest with its media type as Content-Type. */
    Content manifest(String repository, String reference, Content manifest) {
        Reply reply = api.put(
                "/v2/" + repository + "/manifests/" + reference,
                manifest.bytes(),
                "Content-Type",
                manifest.mediaType());
        assertThat(reply.status()).as("manifest push: %s", reply.text()).isEqualTo(201);
        return manifest;
    }

    Content manifest(String repository, String reference, String mediaType, JsonObject json) {
        return manifest(repository, reference, Content.json(mediaType, json));
    }

    /** An OCI image manifest whose config and layer are pushed already; the manifest itself is not. */
    Content imageManifest(String repository) {
        Content config = blob(
                repository,
                Content.json(
                        MediaTypes.OCI_CONFIG,
                        new JsonObject()
                                .put("architecture", "amd64")
                                .put("os", "linux")
                                .put("comment", "image " + IMAGES.incrementAndGet())));
        Content layer = blob(repository, Content.random(MediaTypes.OCI_LAYER_GZIP, 1024));
        return Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(config, layer));
    }

    /** A whole OCI image (config, layer, manifest) pushed under {@code reference}. */
    Content image(String repository, String reference) {
        return manifest(repository, reference, imageManifest(repository));
    }
}
