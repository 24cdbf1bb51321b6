package dev.berth.conformance.suite.support;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.ManifestJson;
import dev.berth.conformance.oci.OciJson;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Made-up content for the checks. Every blob is random, so no check ever finds its content
 * already in the registry from another check or an earlier run (which would hide a failed upload).
 * Registries store layers as opaque bytes, so random bytes stand in for tar files.
 */
public final class TestContent {

    /** Small enough to be quick, big enough to be split into a few chunks. */
    public static final int LAYER_BYTES = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestContent() {}

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static Blob layer() {
        return layer(LAYER_BYTES);
    }

    public static Blob layer(int length) {
        return new Blob(OciJson.LAYER_TAR, randomBytes(length));
    }

    /** A linux/amd64 image of {@code layerCount} random layers. */
    public static TestImage image(int layerCount) {
        List<Blob> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            layers.add(layer());
        }
        List<String> diffIds = layers.stream().map(Blob::digest).toList();
        Blob config = new Blob(OciJson.CONFIG, OciJson.imageConfig(diffIds));
        Manifest manifest = Manifest.of(ManifestJson.image(
                config.descriptor(), layers.stream().map(Blob::descriptor).toList()));
        return new TestImage(config, layers, manifest);
    }

    /**
     * An artifact that refers to {@code subject}: one random layer and image-spec's empty config.
     *
     * @param artifactType null for an artifact without one (its referrers entry then carries the config's media type)
     */
    public static TestImage artifact(Descriptor subject, String artifactType, Map<String, String> annotations) {
        return artifact(
                subject, artifactType, new Blob(OciJson.EMPTY, "{}".getBytes(StandardCharsets.UTF_8)), annotations);
    }

    public static TestImage artifact(
            Descriptor subject, String artifactType, Blob config, Map<String, String> annotations) {
        Blob layer = new Blob("application/vnd.berth.conformance.payload", randomBytes(256));
        ManifestJson json = ManifestJson.image(config.descriptor(), List.of(layer.descriptor()))
                .subject(subject)
                .annotations(annotations);
        if (artifactType != null) {
            json.artifactType(artifactType);
        }
        return new TestImage(config, List.of(layer), Manifest.of(json));
    }
}
