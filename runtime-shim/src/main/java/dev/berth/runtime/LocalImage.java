package dev.berth.runtime;

import java.nio.file.Path;

/**
 * An image inside a local OCI image layout.
 *
 * @param layout   the layout's directory (holding oci-layout and index.json)
 * @param refName  the value of the {@code org.opencontainers.image.ref.name} annotation of the
 *                 image's entry in index.json
 */
public record LocalImage(Path layout, String refName) {}
