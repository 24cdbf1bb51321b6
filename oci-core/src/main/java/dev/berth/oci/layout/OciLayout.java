package dev.berth.oci.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.oci.ContentMismatchException;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.VerifyingInputStream;
import dev.berth.oci.layout.LayoutException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An existing OCI image layout (image-spec image-layout.md), read-only: the entries of its
 * index.json and its content-addressed blobs, each checked against its descriptor as it is read.
 * The client and the runtime shim both read layouts through this class; the client's writer
 * creates and fills them.
 *
 * <p>A directory is a layout only with both files the spec requires: an {@code oci-layout} file
 * of imageLayoutVersion 1.0.0 and an {@code index.json}. One without index.json is refused, not
 * read as an empty layout: it is no layout or a broken one, and reading it as empty would hide
 * which.
 */
public final class OciLayout {
    /** The annotation that names an entry of index.json, as a tag names a manifest in a registry. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public static final String MARKER_FILE = "oci-layout";
    public static final String INDEX_FILE = "index.json";
    /** The only version image-layout.md has defined; another may arrange its files differently. */
    public static final String VERSION = "1.0.0";
    /** Registries take manifests up to 4 MiB; a bigger manifest or config is refused before it is read. */
    private static final long SMALL_BLOB_LIMIT = 4L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private OciLayout(Path dir) {
        this.dir = dir;
    }

    /** Opens the layout at {@code dir} after checking its oci-layout file and that it has an index.json. */
    public static OciLayout open(Path dir) {
        Path marker = dir.resolve(MARKER_FILE);
        if (!Files.isRegularFile(marker)) {
            throw notALayout(dir, "it has no " + MARKER_FILE + " file");
        }
        JsonNode version = declaredVersion(dir, marker);
        if (version == null) {
            throw notALayout(dir, "its " + MARKER_FILE + " file has no imageLayoutVersion");
        }
        if (!VERSION.equals(version.textValue())) {
            throw notALayout(
                    dir,
                    "its " + MARKER_FILE + " file declares imageLayoutVersion " + version + ", and \"" + VERSION
                            + "\" is the only one there is");
        }
        if (!Files.isRegularFile(dir.resolve(INDEX_FILE))) {
            throw notALayout(
                    dir,
                    "it has an " + MARKER_FILE + " file but no " + INDEX_FILE + ", which image-layout.md requires");
        }
        return new OciLayout(dir);
    }

    /**
     * Whether {@code dir} claims to be a layout: it holds the oci-layout file, which the spec makes
     * the marker of a layout's base. Only {@link #open} says whether it is a valid one.
     */
    public static boolean isMarked(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER_FILE));
    }

    public Path dir() {
        return dir;
    }

    /** The entries of index.json, read afresh each time: a writer may have replaced the file since. */
    public List<Descriptor> entries() {
        Path index = dir.resolve(INDEX_FILE);
        try {
            return ManifestParser.parse(Files.readAllBytes(index), MediaTypes.OCI_INDEX)
                    .manifests();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        } catch (DistributionException e) {
            throw new LayoutException(Reason.NOT_A_LAYOUT, index + " is no valid image index: " + e.getMessage(), e);
        }
    }

    /** The entry of index.json whose ref name is {@code refName}; with no name (null or empty), the only entry. */
    public Descriptor find(String refName) {
        List<Descriptor> entries = entries();
        if (refName == null || refName.isEmpty()) {
            if (entries.size() == 1) {
                return entries.get(0);
            }
            if (entries.isEmpty()) {
                throw new LayoutException(Reason.NOT_FOUND, "the layout " + dir + " holds no image");
            }
            throw new LayoutException(
                    Reason.AMBIGUOUS,
                    "the layout " + dir + " holds " + entries.size() + " images; name one by its tag (tags: "
                            + tags(entries) + ")");
        }
        return entries.stream()
                .filter(entry -> refName.equals(entry.annotations().get(REF_NAME)))
                .findFirst()
                .orElseThrow(() -> new LayoutException(
                        Reason.NOT_FOUND,
                        "the layout " + dir + " has no image tagged " + refName + " (tags: " + tags(entries) + ")"));
    }

    /** The manifest or index that {@code descriptor} points at, verified and parsed. */
    public Manifest readManifest(Descriptor descriptor) {
        byte[] content = readSmallBlob(descriptor);
        try {
            return ManifestParser.parse(content, descriptor.mediaType());
        } catch (DistributionException e) {
            throw new LayoutException(
                    Reason.INVALID_CONTENT,
                    "manifest " + descriptor.digest() + " in the layout " + dir + " is invalid: " + e.getMessage(),
                    e);
        }
    }

    /** The whole content of a small blob (a manifest, a config), after checking its size and digest. */
    public byte[] readSmallBlob(Descriptor descriptor) {
        if (descriptor.size() > SMALL_BLOB_LIMIT) {
            throw new LayoutException(
                    Reason.INVALID_CONTENT,
                    "blob " + descriptor.digest() + " declares " + descriptor.size() + " bytes, more than the "
                            + SMALL_BLOB_LIMIT + " a manifest or config may have");
        }
        try (VerifyingInputStream in = openBlob(descriptor)) {
            return in.readAllBytes();
        } catch (ContentMismatchException e) {
            throw new LayoutException(Reason.INVALID_CONTENT, e.getMessage() + " (in the layout " + dir + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + descriptor.digest() + " from the layout " + dir, e);
        }
    }

    /**
     * A stream of the blob that fails when the blob is longer than its descriptor's size, or, at
     * its end, shorter or of another digest: nothing unverified is ever used whole.
     */
    public VerifyingInputStream openBlob(Descriptor descriptor) throws IOException {
        return new VerifyingInputStream(Files.newInputStream(existingBlob(descriptor.digest())), descriptor);
    }

    /**
     * The blob's bytes from {@code offset} on, not verified here: for a copy, whose target verifies
     * every byte it receives and resumes an interrupted transfer without the bytes it already has.
     */
    public InputStream openUnverified(Digest digest, long offset) throws IOException {
        FileChannel channel = FileChannel.open(existingBlob(digest), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    /** Where image-layout.md puts the content of {@code digest}: {@code blobs/<alg>/<encoded>}. */
    public Path blobPath(Digest digest) {
        return dir.resolve("blobs").resolve(digest.algorithm().id()).resolve(digest.encoded());
    }

    private Path existingBlob(Digest digest) {
        Path blob = blobPath(digest);
        if (!Files.isRegularFile(blob)) {
            throw new LayoutException(Reason.NOT_FOUND, "blob " + digest + " is missing from the layout " + dir);
        }
        return blob;
    }

    private static JsonNode declaredVersion(Path dir, Path marker) {
        try {
            return JSON.readTree(marker.toFile()).get("imageLayoutVersion");
        } catch (JsonProcessingException e) {
            throw notALayout(dir, "its " + MARKER_FILE + " file is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private static LayoutException notALayout(Path dir, String why) {
        return new LayoutException(Reason.NOT_A_LAYOUT, dir + " is not an OCI image layout: " + why);
    }

    /** The ref names of the entries, for messages; an entry without one by its digest. */
    private static String tags(List<Descriptor> entries) {
        if (entries.isEmpty()) {
            return "none";
        }
        return entries.stream()
                .map(entry -> entry.annotations()
                        .getOrDefault(REF_NAME, entry.digest().toString()))
                .collect(Collectors.joining(", "));
    }
}
