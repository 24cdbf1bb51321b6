package dev.berth.client.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.layout.DescriptorJson;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The image of a {@code docker save} tarball, presented as an OCI image manifest: its config
 * file becomes the config blob and each (uncompressed) layer tar a layer blob, so that the
 * manifest docker would build on push is built here, without a daemon.
 */
public final class DockerArchiveSource implements ContentSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path archive;
    private final FetchedManifest manifest;
    private final Map<Digest, String> entries;

    private DockerArchiveSource(Path archive, FetchedManifest manifest, Map<Digest, String> entries) {
        this.archive = archive;
        this.manifest = manifest;
        this.entries = entries;
    }

    /** Reads the archive's manifest.json and hashes the files it names (one pass over the archive per file list). */
    public static DockerArchiveSource open(Path archive) {
        try {
            JsonNode saved = JSON.readTree(readEntry(archive, "manifest.json"));
            if (saved == null || !saved.isArray() || saved.size() != 1) {
                throw new ClientException(
                        FailureKind.USAGE, archive + " must hold exactly one image (docker save of one image)");
            }
            String configName = saved.get(0).path("Config").asText();
            List<String> layerNames = JSON.convertValue(
                    saved.get(0).path("Layers"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            Map<String, Descriptor> hashed = hashEntries(archive);
            Map<Digest, String> entries = new HashMap<>();
            ObjectNode root = JSON.createObjectNode();
            root.put("schemaVersion", 2);
            root.put("mediaType", MediaTypes.OCI_MANIFEST);
            Descriptor config = described(hashed, configName, MediaTypes.OCI_CONFIG, archive);
            entries.put(config.digest(), configName);
            root.set("config", DescriptorJson.write(config));
            ArrayNode layers = root.putArray("layers");
            for (String layerName : layerNames) {
                Descriptor layer = described(hashed, layerName, MediaTypes.OCI_LAYER_TAR, archive);
                entries.put(layer.digest(), layerName);
                layers.add(DescriptorJson.write(layer));
            }
            byte[] bytes = JSON.writeValueAsBytes(root);
            return new DockerArchiveSource(
                    archive, new FetchedManifest(bytes, MediaTypes.OCI_MANIFEST, Digest.sha256(bytes)), entries);
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.USAGE, "cannot read the docker archive " + archive + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FetchedManifest root() {
        return manifest;
    }

    @Override
    public FetchedManifest manifest(Descriptor descriptor) {
        throw new ClientException(FailureKind.USAGE, "a docker archive holds no image index");
    }

    @Override
    public InputStream blob(Descriptor descriptor, long offset) {
        String name = entries.get(descriptor.digest());
        if (name == null) {
            throw new ClientException(FailureKind.NOT_FOUND, descriptor.digest() + " is not in " + archive);
        }
        try {
            TarArchiveInputStream tar = openAt(archive, name);
            tar.skipNBytes(offset);
            return tar;
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.OTHER, "cannot read " + name + " from " + archive + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "docker-archive:" + archive;
    }

    private static Descriptor described(Map<String, Descriptor> hashed, String name, String mediaType, Path archive) {
        Descriptor found = hashed.get(name);
        if (found == null) {
            throw new ClientException(
                    FailureKind.USAGE, archive + " lacks " + name + ", which its manifest.json names");
        }
        return Descriptor.of(mediaType, found.digest(), found.size());
    }

    private static Map<String, Descriptor> hashEntries(Path archive) throws IOException {
        Map<String, Descriptor> hashed = new HashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    MessageDigest hash = DigestAlgorithm.SHA256.newMessageDigest();
                    long size = tar.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), hash));
                    hashed.put(
                            entry.getName(),
                            Descriptor.of("", Digest.fromHash(DigestAlgorithm.SHA256, hash.digest()), size));
                }
            }
        }
        return hashed;
    }

    private static byte[] readEntry(Path archive, String name) throws IOException {
        try (TarArchiveInputStream tar = openAt(archive, name)) {
            return tar.readAllBytes();
        }
    }

    private static TarArchiveInputStream openAt(Path archive, String name) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)));
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (entry.getName().equals(name)) {
                return tar;
            }
        }
        tar.close();
        throw new ClientException(FailureKind.USAGE, archive + " has no entry " + name);
    }
}
