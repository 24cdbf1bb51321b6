package dev.berth.client.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.Verification;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes into an OCI image layout directory (image-layout.md), creating it first when needed; it
 * reads what is there through oci-core's {@link OciLayout}. A blob appears under blobs/ only once
 * its digest and size were verified; until then it grows in {@code .berth-partial/} beside them,
 * where an interrupted download resumes. index.json is replaced atomically, so readers never see
 * half of it. Processes sharing a layout (the layout cache of {@code berth run}) take file locks in
 * {@code .berth-locks/} to write a blob or change index.json one at a time.
 */
public final class LayoutWriter {
    static final String PARTIAL_DIR = ".berth-partial";
    /** Lock files, apart from the partial blobs: a failed write may leave its (empty) lock file. */
    private static final String LOCK_DIR = ".berth-locks";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OciLayout layout;

    private LayoutWriter(OciLayout layout) {
        this.layout = layout;
    }

    /**
     * Opens the layout at {@code root} for writing, first creating the directory, its oci-layout
     * file and an empty index.json where they are missing. A directory with oci-layout but without
     * index.json is completed, not refused as a reader refuses it: another process may be creating
     * this very layout and not have written its index.json yet.
     */
    public static LayoutWriter create(Path root) {
        try {
            Files.createDirectories(root.resolve("blobs"));
            Path marker = root.resolve(OciLayout.MARKER_FILE);
            if (!Files.exists(marker)) {
                writeAtomically(
                        marker,
                        ("{\"imageLayoutVersion\":\"" + OciLayout.VERSION + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            if (!Files.exists(root.resolve(OciLayout.INDEX_FILE))) {
                createIndex(root);
            }
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.LOCAL, "cannot create an OCI layout at " + root + ": " + e.getMessage(), e);
        }
        return new LayoutWriter(OciLayout.open(root));
    }

    /** The layout written into, to read what it holds. */
    public OciLayout layout() {
        return layout;
    }

    /** True when the blob is in place with the size the descriptor names (it was verified when written). */
    public boolean has(Descriptor descriptor) {
        Path path = layout.blobPath(descriptor.digest());
        try {
            return Files.isRegularFile(path) && Files.size(path) == descriptor.size();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts a blob in place with {@code write} (which appends to the writer it is given and commits)
     * unless it is there already, as the only writer of that blob in any thread or process sharing
     * this layout; the writer resumes what an earlier, interrupted write left. Answers false when
     * the blob was there, or another process put it there while this one waited.
     */
    public boolean writeIfAbsent(Descriptor descriptor, Consumer<VerifiedBlobWriter> write) {
        Path partial = partialPath(descriptor.digest());
        try (LayoutLock lock = LayoutLock.acquire(lockFile(layout.dir(), partial.getFileName() + ".lock"))) {
            boolean absent = !has(descriptor);
            if (absent) {
                write.accept(VerifiedBlobWriter.resume(partial, layout.blobPath(descriptor.digest()), descriptor));
            }
            lock.removeFile();
            return absent;
        }
    }

    private Path partialPath(Digest digest) {
        return layout.dir().resolve(PARTIAL_DIR).resolve(digest.algorithm().id() + "-" + digest.encoded());
    }

    /** Stores small content (a manifest) after verifying it against its descriptor. */
    public void put(Descriptor descriptor, byte[] content) {
        Verification.check(descriptor, content);
        if (has(descriptor)) {
            return;
        }
        try {
            Path target = layout.blobPath(descriptor.digest());
            Files.createDirectories(target.getParent());
            writeAtomically(target, content);
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.LOCAL,
                    "cannot write " + descriptor.digest() + " into " + layout.dir() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Adds an entry to index.json under {@code refName}, replacing the entry that had that name.
     *
     * @param replace whether an entry of that name for another manifest may be replaced; without
     *                it, that fails with a usage error and index.json stays as it was
     */
    public synchronized void tag(Descriptor descriptor, String refName, boolean replace) {
        // Read, change, replace: other processes tagging into this layout wait, or one entry is lost.
        try (LayoutLock lock = LayoutLock.acquire(indexLock(layout.dir()))) {
            tagLocked(descriptor, refName, replace);
        }
    }

    private void tagLocked(Descriptor descriptor, String refName, boolean replace) {
        requireComplete(descriptor);
        List<Descriptor> kept = new ArrayList<>();
        for (Descriptor entry : layout.entries()) {
            if (!refName.equals(entry.annotations().get(OciLayout.REF_NAME))) {
                kept.add(entry);
            } else if (!replace && !entry.digest().equals(descriptor.digest())) {
                throw new ClientException(
                        FailureKind.USAGE,
                        layout.dir() + " already has " + refName + " for another image (" + entry.digest()
                                + "); --force replaces it, --name gives this one another name");
            }
        }
        kept.add(new Descriptor(
                descriptor.mediaType(),
                descriptor.digest(),
                descriptor.size(),
                descriptor.artifactType(),
                null,
                Map.of(OciLayout.REF_NAME, refName),
                descriptor.platform()));
        writeIndex(layout.dir(), kept);
    }

    /**
     * Fails when a blob of the image is missing: a prune (which holds the index lock as this does)
     * removed it while the image was being written, before it was tagged.
     */
    private void requireComplete(Descriptor descriptor) {
        if (!has(descriptor)) {
            throw new ClientException(
                    FailureKind.OTHER,
                    descriptor.digest() + " was removed from " + layout.dir()
                            + " (by a prune) while it was being written: write the image again");
        }
        if (!MediaTypes.isManifest(descriptor.mediaType())) {
            return;
        }
        Manifest manifest = layout.readManifest(descriptor);
        if (manifest.isIndex()) {
            manifest.manifests().stream()
                    .filter(child -> MediaTypes.isManifest(child.mediaType()))
                    .forEach(this::requireComplete);
        } else {
            manifest.requiredBlobs().forEach(this::requireComplete);
        }
    }

    /** Writes an empty index.json unless another process, holding the index lock before this one, did. */
    private static void createIndex(Path root) {
        try (LayoutLock lock = LayoutLock.acquire(indexLock(root))) {
            if (!Files.exists(root.resolve(OciLayout.INDEX_FILE))) {
                writeIndex(root, List.of());
            }
        }
    }

    static Path indexLock(Path root) {
        return lockFile(root, OciLayout.INDEX_FILE + ".lock");
    }

    private static Path lockFile(Path root, String name) {
        return root.resolve(LOCK_DIR).resolve(name);
    }

    static void writeIndex(Path root, List<Descriptor> entries) {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        entries.forEach(entry -> manifests.add(DescriptorJson.write(entry)));
        Path file = root.resolve(OciLayout.INDEX_FILE);
        try {
            writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        } catch (IOException e) {
            throw new ClientException(FailureKind.LOCAL, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            FileModes.readableByAll(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
