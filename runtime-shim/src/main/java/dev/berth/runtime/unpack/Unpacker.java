package dev.berth.runtime.unpack;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.VerifyingInputStream;
import dev.berth.runtime.layout.ImageException;
import dev.berth.runtime.layout.LayoutImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an image's layers in order to a fresh root filesystem. Each layer's compressed stream
 * is checked against its descriptor (size and digest) and its uncompressed tar against the
 * config's diff_id while it is read.
 */
public final class Unpacker {
    private final boolean applyOwnership;

    public Unpacker(boolean applyOwnership) {
        this.applyOwnership = applyOwnership;
    }

    /**
     * @param rootfs a directory that does not exist yet or is empty
     * @return the entries left out, for a warning
     */
    public List<String> unpack(LayoutImage image, Path rootfs) throws IOException {
        Files.createDirectories(rootfs);
        ConfinedRoot root = new ConfinedRoot(rootfs.toRealPath());
        List<String> skipped = new ArrayList<>();
        List<Descriptor> layers = image.manifest().layers();
        for (int i = 0; i < layers.size(); i++) {
            String diffId = image.config().diffIds().isEmpty()
                    ? null
                    : image.config().diffIds().get(i);
            skipped.addAll(applyLayer(image, layers.get(i), diffId, root));
        }
        return skipped;
    }

    private List<String> applyLayer(LayoutImage image, Descriptor layer, String diffId, ConfinedRoot root)
            throws IOException {
        try (VerifyingInputStream compressed = image.layout().openBlob(layer)) {
            // Without a diff_id (some old images) the tar is hashed anyway, by the layer's algorithm, and not checked.
            DigestAlgorithm algorithm = diffId == null
                    ? layer.digest().algorithm()
                    : Digest.parse(diffId).algorithm();
            MessageDigest tarHash = algorithm.newMessageDigest();
            InputStream tar = new DigestInputStream(LayerStreams.uncompressed(layer, compressed), tarHash);
            List<String> skipped = new LayerApplier(root, new Metadata(applyOwnership)).apply(tar);
            // The tar's end-of-archive padding and the compressor's trailer count for both checks.
            tar.transferTo(OutputStream.nullOutputStream());
            compressed.drainAndVerify();
            Digest actual = Digest.fromHash(algorithm, tarHash.digest());
            if (diffId != null && !actual.toString().equals(diffId)) {
                throw new ImageException("layer " + layer.digest() + " uncompresses to " + actual
                        + ", the image config's diff_id says " + diffId);
            }
            return skipped;
        } catch (IOException e) {
            throw new ImageException("cannot unpack layer " + layer.digest() + ": " + e.getMessage(), e);
        }
    }
}
