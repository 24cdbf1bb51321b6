package dev.berth.bench;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.image.OciDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes and pushes the soak's images. Every image has layers of its own and one layer from a small
 * shared pool, so that deletes leave blobs that other images still need, which garbage collection
 * must keep; one push in five is a two-platform index. Blobs go up whole or in chunks.
 */
final class SoakImages {
    private static final int SHARED_LAYERS = 12;
    private static final int SHARED_LAYER_MAX_BYTES = 2 << 20;
    private static final int OWN_LAYER_MAX_BYTES = 1 << 20;
    private static final List<String> PLATFORMS = List.of("amd64", "arm64");

    private final List<byte[]> sharedLayers = new ArrayList<>();

    SoakImages(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SHARED_LAYERS; i++) {
            sharedLayers.add(randomBytes(random, 64 << 10, SHARED_LAYER_MAX_BYTES));
        }
    }

    /** Pushes a new image (its blobs, then its manifests, an index's children before the index). */
    SoakImage push(RegistryApi api, RegistryClient client, SplittableRandom random, String repository, String tag) {
        List<SoakImage.Pushed> manifests = new ArrayList<>();
        Map<String, SoakImage.Blob> blobs = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
            manifests.add(pushImage(api, client, random, repository, tag, "amd64", blobs));
            return new SoakImage(repository, tag, manifests, List.copyOf(blobs.values()));
        }
        List<Descriptor> children = new ArrayList<>();
        for (String architecture : PLATFORMS) {
            SoakImage.Pushed child = pushImage(api, client, random, repository, null, architecture, blobs);
            manifests.add(child);
            children.add(new Descriptor(
                    MediaTypes.OCI_MANIFEST,
                    Digest.parse(child.digest()),
                    child.content().length,
                    null,
                    null,
                    null,
                    Map.of("os", "linux", "architecture", architecture)));
        }
        byte[] index = OciDocuments.imageIndex(children);
        manifests.add(0, putManifest(client, repository, tag, MediaTypes.OCI_INDEX, index));
        return new SoakImage(repository, tag, manifests, List.copyOf(blobs.values()));
    }

    /** An image manifest over a shared layer and one or two of its own; by digest when {@code tag} is null. */
    private SoakImage.Pushed pushImage(
            RegistryApi api,
            RegistryClient client,
            SplittableRandom random,
            String repository,
            String tag,
            String architecture,
            Map<String, SoakImage.Blob> blobs) {
        List<byte[]> layers = new ArrayList<>();
        layers.add(sharedLayers.get(random.nextInt(sharedLayers.size())));
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            layers.add(randomBytes(random, 1, OWN_LAYER_MAX_BYTES));
        }
        List<Descriptor> layerDescriptors = new ArrayList<>();
        for (byte[] layer : layers) {
            layerDescriptors.add(upload(api, random, repository, MediaTypes.OCI_LAYER_TAR, layer, blobs));
        }
        byte[] config = OciDocuments.imageConfig(
                "linux",
                architecture,
                layerDescriptors.stream().map(Descriptor::digest).toList());
        Descriptor configDescriptor = upload(api, random, repository, MediaTypes.OCI_CONFIG, config, blobs);
        byte[] manifest = OciDocuments.imageManifest(
                configDescriptor,
                layerDescriptors,
                null,
                null,
                Map.of("dev.berth.soak.nonce", Long.toHexString(random.nextLong())));
        return putManifest(client, repository, tag, MediaTypes.OCI_MANIFEST, manifest);
    }

    /** One blob, whole (POST + PUT) or in three PATCHes then a PUT, as clients do both. */
    private static Descriptor upload(
            RegistryApi api,
            SplittableRandom random,
            String repository,
            String mediaType,
            byte[] content,
            Map<String, SoakImage.Blob> blobs) {
        String digest = random.nextBoolean()
                ? api.uploadBlob(repository, content)
                : api.uploadBlobInChunks(repository, content, 3);
        blobs.put(digest, new SoakImage.Blob(digest, content.length));
        return Descriptor.of(mediaType, Digest.parse(digest), content.length);
    }

    private static SoakImage.Pushed putManifest(
            RegistryClient client, String repository, String tag, String mediaType, byte[] content) {
        String digest = Digest.sha256(content).toString();
        String reference = tag == null ? digest : tag;
        SoakFailure.expect(
                client.put("/v2/" + repository + "/manifests/" + reference, content, "Content-Type", mediaType),
                "put manifest " + repository + ":" + reference,
                201);
        return new SoakImage.Pushed(digest, mediaType, content);
    }

    private static byte[] randomBytes(SplittableRandom random, int min, int max) {
        byte[] content = new byte[random.nextInt(min, max + 1)];
        random.nextBytes(content);
        return content;
    }
}
