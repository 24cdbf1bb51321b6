package dev.berth.client.layout;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.layout.LayoutException;
import dev.berth.oci.layout.OciLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes from a layout what index.json no longer reaches: untagging ({@code berth rmi}) and
 * deleting the blobs no tagged image needs ({@code berth image prune}; {@code berth system prune}
 * calls {@link #prune} for the layout cache's half). Both hold the index lock, under which a pull
 * also tags, and a pull checks that its image is complete before tagging it (see
 * {@link LayoutWriter#tag}), so a prune racing a pull fails the pull instead of leaving a tag
 * whose blobs are gone.
 */
public final class LayoutPruner {
    /** What a prune removed. */
    public record Pruned(int blobs, long bytes) {}

    private final Path dir;

    public LayoutPruner(Path dir) {
        this.dir = dir;
    }

    /** Removes the index.json entry named {@code refName}; false when there is none. */
    public boolean untag(String refName) {
        try (LayoutLock lock = LayoutLock.acquire(LayoutWriter.indexLock(dir))) {
            OciLayout layout = OciLayout.open(dir);
            List<Descriptor> kept = new ArrayList<>();
            for (Descriptor entry : layout.entries()) {
                if (!refName.equals(entry.annotations().get(OciLayout.REF_NAME))) {
                    kept.add(entry);
                }
            }
            if (kept.size() == layout.entries().size()) {
                return false;
            }
            LayoutWriter.writeIndex(dir, kept);
            return true;
        }
    }

    /** Deletes every blob that no index.json entry reaches (through indexes, manifests, configs, layers). */
    public Pruned prune() {
        if (!OciLayout.isMarked(dir)) {
            return new Pruned(0, 0);
        }
        try (LayoutLock lock = LayoutLock.acquire(LayoutWriter.indexLock(dir))) {
            OciLayout layout = OciLayout.open(dir);
            Set<Digest> reachable = new HashSet<>();
            layout.entries().forEach(entry -> mark(layout, entry, reachable));
            return sweep(layout, reachable);
        }
    }

    private static void mark(OciLayout layout, Descriptor descriptor, Set<Digest> reachable) {
        if (!reachable.add(descriptor.digest()) || !MediaTypes.isManifest(descriptor.mediaType())) {
            return;
        }
        if (!Files.isRegularFile(layout.blobPath(descriptor.digest()))) {
            return; // An index entry for a platform that was never pulled.
        }
        Manifest manifest;
        try {
            manifest = layout.readManifest(descriptor);
        } catch (LayoutException e) {
            return; // Unreadable: keep what it is, sweep nothing on its behalf.
        }
        if (manifest.isIndex()) {
            manifest.manifests().forEach(child -> mark(layout, child, reachable));
        } else {
            manifest.requiredBlobs().forEach(blob -> reachable.add(blob.digest()));
        }
    }

    private static Pruned sweep(OciLayout layout, Set<Digest> reachable) {
        int blobs = 0;
        long bytes = 0;
        try (Stream<Path> algorithms = Files.list(layout.dir().resolve("blobs"))) {
            for (Path algorithm : algorithms.toList()) {
                try (Stream<Path> files = Files.list(algorithm)) {
                    for (Path file : files.toList()) {
                        String digest = algorithm.getFileName() + ":" + file.getFileName();
                        if (Digest.isValid(digest) && !reachable.contains(Digest.parse(digest))) {
                            bytes += Files.size(file);
                            Files.delete(file);
                            blobs++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune " + layout.dir() + ": " + e.getMessage(), e);
        }
        return new Pruned(blobs, bytes);
    }
}
