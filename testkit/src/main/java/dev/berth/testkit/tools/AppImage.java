package dev.berth.testkit.tools;

import java.util.Map;

/**
 * A three-layer image in a docker daemon: the busybox base, one COPY layer, one RUN layer.
 *
 * @param localRef    its name in the daemon, e.g. berth-interop/app:1
 * @param baseRef     the imported base it was built FROM
 * @param imageId     the daemon's image id, the digest of its config
 * @param filesByLayer a file each non-base layer added, and that file's content
 */
public record AppImage(String localRef, String baseRef, String imageId, Map<String, String> filesByLayer) {

    /** `cat` of every added file, in layer order, as a container prints it. */
    public String expectedCatOutput() {
        return String.join("", filesByLayer.values());
    }

    public String[] addedFiles() {
        return filesByLayer.keySet().toArray(String[]::new);
    }
}
