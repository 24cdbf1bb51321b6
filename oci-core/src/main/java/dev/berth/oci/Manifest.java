package dev.berth.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed image manifest or index, reduced to what a registry needs to know about it: its media
 * type, what it references, its subject, and what the referrers API reports of it.
 *
 * @param config    the config descriptor (image manifests only, otherwise null)
 * @param layers    the layer descriptors (image manifests only, otherwise empty)
 * @param manifests the child manifests (indexes only, otherwise empty)
 * @param subject   the manifest this one refers to, or null
 */
public record Manifest(
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        List<Descriptor> manifests,
        Descriptor subject,
        String artifactType,
        Map<String, String> annotations) {

    public Manifest {
        layers = layers == null ? List.of() : List.copyOf(layers);
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** The blobs a registry must hold before it accepts this manifest (config and non-foreign layers). */
    public List<Descriptor> requiredBlobs() {
        List<Descriptor> blobs = new ArrayList<>();
        if (config != null) {
            blobs.add(config);
        }
        for (Descriptor layer : layers) {
            if (!layer.isForeign()) {
                blobs.add(layer);
            }
        }
        return blobs;
    }

    /**
     * The artifact type the referrers API lists for this manifest: its own, else the config's
     * media type for an image manifest, else none.
     */
    public String referrerArtifactType() {
        if (artifactType != null && !artifactType.isEmpty()) {
            return artifactType;
        }
        return config == null ? null : config.mediaType();
    }
}
