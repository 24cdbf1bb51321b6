package dev.berth.client.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.Verification;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ManifestParser;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An OCI image layout directory (image-layout.md): {@code oci-layout}, {@code index.json} and
 * {@code blobs/<alg>/<hex>}. A blob appears under blobs/ only once its digest and size were
 * verified; until then it grows in {@code .berth-partial/} beside them, where an interrupted
 * download resumes. index.json is replaced atomically, so readers never see half of it. Processes
 * sharing a layout (the layout cache of {@code berth run}) take file locks in {@code .berth-locks/}
 * to write a blob or change index.json one at a time.
 */
public final class OciLayout {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final String PARTIAL_DIR = ".berth-partial";
    /** Lock files, apart from the partial blobs: a failed write may leave its (empty) lock file. */
    private static final String LOCK_DIR = ".berth-locks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private OciLayout(Path root) {
        this.root = root;
    }

    /** Opens a layout, creating the directory and its two files when they are missing. */
    public static OciLayout create(Path root) {
        try {
            Files.createDirectories(root.resolve("blobs"));
            if (!Files.exists(root.resolve("oci-layout"))) {
                writeAtomically(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            }
            OciLayout layout = new OciLayout(root);
            if (!Files.exists(root.resolve("index.json"))) {
                layout.writeIndex(List.of());
            }
            return layout;
        } catch (IOException e) {
            throw new ClientException(FailureKind.OTHER, "cannot create an OCI layout at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing layout; fails with a usage error when {@code root} is none. */
    public static OciLayout open(Path root) {
        if (!Files.isRegularFile(root.resolve("oci-layout")) || !Files.isRegularFile(root.resolve("index.json"))) {
            throw new ClientException(FailureKind.USAGE, root + " is not an OCI image layout (no oci-layout or index.json)");
        }
        return new OciLayout(root);
    }

    public Path root() {
        return root;
    }

    public Path blobPath(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm().id()).resolve(digest.encoded());
    }

    /** True when the blob is in place with the size the descriptor names (it was verified when written). */
    public boolean has(Descriptor descriptor) {
        Path path = blobPath(descriptor.digest());
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
        try (LayoutLock lock = LayoutLock.acquire(root.resolve(LOCK_DIR).resolve(partial.getFileName() + ".lock"))) {
            boolean absent = !has(descriptor);
            if (absent) {
                write.accept(VerifiedBlobWriter.resume(partial, blobPath(descriptor.digest()), descriptor));
            }
            lock.removeFile();
            return absent;
        }
    }

    private Path partialPath(Digest digest) {
        return root.resolve(PARTIAL_DIR).resolve(digest.algorithm().id() + "-" + digest.encoded());
    }

    /** Stores small content (a manifest) after verifying it against its descriptor. */
    public void put(Descriptor descriptor, byte[] content) {
        Verification.check(descriptor, content);
        if (has(descriptor)) {
            return;
        }
        try {
            Path target = blobPath(descriptor.digest());
            Files.createDirectories(target.getParent());
            writeAtomically(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + descriptor.digest() + " into " + root, e);
        }
    }

    /** The whole content of a small blob (a manifest, a config), verified. */
    public byte[] read(Descriptor descriptor) {
        byte[] content;
        try {
            content = Files.readAllBytes(blobPath(descriptor.digest()));
        } catch (IOException e) {
            throw new ClientException(FailureKind.NOT_FOUND, "blob " + descriptor.digest() + " is missing from " + root, e);
        }
        Verification.check(descriptor, content);
        return content;
    }

    /** A blob's content from {@code offset} on. */
    public InputStream open(Digest digest, long offset) {
        try {
            FileChannel channel = FileChannel.open(blobPath(digest), StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new ClientException(FailureKind.NOT_FOUND, "blob " + digest + " is missing from " + root, e);
        }
    }

    /** The entries of index.json. */
    public synchronized List<Descriptor> entries() {
        try {
            return ManifestParser.parse(Files.readAllBytes(root.resolve("index.json")), MediaTypes.OCI_INDEX).manifests();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve("index.json"), e);
        } catch (RuntimeException e) {
            throw new ClientException(FailureKind.USAGE, root.resolve("index.json") + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The entry tagged {@code refName}; with no name, the only entry of the layout. */
    public Descriptor find(String refName) {
        List<Descriptor> entries = entries();
        if (refName == null) {
            if (entries.size() != 1) {
                throw new ClientException(FailureKind.USAGE, root + " holds " + entries.size()
                        + " images; name one as DIR:TAG");
            }
            return entries.get(0);
        }
        return entries.stream().filter(d -> refName.equals(d.annotations().get(REF_NAME))).findFirst()
                .orElseThrow(() -> new ClientException(FailureKind.NOT_FOUND, "no image named " + refName + " in " + root));
    }

    /** Adds an entry to index.json under {@code refName}, replacing the entry that had that name. */
    public synchronized void tag(Descriptor descriptor, String refName) {
        // Read, change, replace: other processes tagging into this layout wait, or one entry is lost.
        try (LayoutLock lock = LayoutLock.acquire(root.resolve(LOCK_DIR).resolve("index.json.lock"))) {
            tagLocked(descriptor, refName);
        }
    }

    private void tagLocked(Descriptor descriptor, String refName) {
        List<Descriptor> kept = new ArrayList<>();
        for (Descriptor entry : entries()) {
            if (!refName.equals(entry.annotations().get(REF_NAME))) {
                kept.add(entry);
            }
        }
        kept.add(new Descriptor(descriptor.mediaType(), descriptor.digest(), descriptor.size(), descriptor.artifactType(),
                null, Map.of(REF_NAME, refName), descriptor.platform()));
        writeIndex(kept);
    }

    private void writeIndex(List<Descriptor> entries) {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        entries.forEach(entry -> manifests.add(DescriptorJson.write(entry)));
        try {
            writeAtomically(root.resolve("index.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve("index.json"), e);
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
