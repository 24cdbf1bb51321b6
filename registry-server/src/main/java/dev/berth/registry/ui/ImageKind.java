package dev.berth.registry.ui;

import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;

/** What a manifest is to a person looking at it: a runnable image, an index of them, or an artifact. */
enum ImageKind {
    IMAGE,
    INDEX,
    ARTIFACT;

    static ImageKind of(Manifest manifest) {
        if (manifest.isIndex()) {
            return INDEX;
        }
        boolean hasArtifactType =
                manifest.artifactType() != null && !manifest.artifactType().isEmpty();
        boolean imageConfig = manifest.config() != null
                && (MediaTypes.OCI_CONFIG.equals(manifest.config().mediaType())
                        || MediaTypes.DOCKER_CONFIG.equals(manifest.config().mediaType()));
        return hasArtifactType || !imageConfig ? ARTIFACT : IMAGE;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
