package dev.berth.client.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns docker's manifests into OCI ones for an OCI layout, as image-spec's media types map them
 * and as skopeo does when it copies into a layout: tools that read layouts (skopeo 1.9, umoci)
 * refuse docker media types there. Config and layer blobs keep their bytes (only the types that
 * name them change); a manifest list's children are named by their converted digests, so the
 * children must be converted first, by the same instance. OCI manifests pass unchanged.
 */
public final class OciConversion {
    /** image-spec's OCI name for docker's foreign layers. */
    static final String OCI_NONDISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.of(
            MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.OCI_INDEX,
            MediaTypes.DOCKER_CONFIG, MediaTypes.OCI_CONFIG,
            MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_GZIP,
            MediaTypes.DOCKER_FOREIGN_LAYER_GZIP, OCI_NONDISTRIBUTABLE_GZIP);

    /** Docker manifests converted so far, by their original digests: what an index names its children by. */
    private final Map<Digest, FetchedManifest> converted = new ConcurrentHashMap<>();

    /** The manifest as an OCI layout should hold it. */
    public FetchedManifest toOci(FetchedManifest manifest) {
        if (!TYPES.containsKey(manifest.mediaType())) {
            return manifest;
        }
        ObjectNode root = read(manifest);
        root.put("mediaType", TYPES.get(manifest.mediaType()));
        if (root.path("config").isObject()) {
            retype((ObjectNode) root.get("config"));
        }
        root.path("layers").forEach(layer -> retype((ObjectNode) layer));
        root.path("manifests").forEach(child -> renameChild((ObjectNode) child));
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        FetchedManifest oci = new FetchedManifest(bytes, root.get("mediaType").asText(), Digest.sha256(bytes));
        converted.put(manifest.digest(), oci);
        return oci;
    }

    private void renameChild(ObjectNode child) {
        FetchedManifest convertedChild =
                converted.get(Digest.parse(child.path("digest").asText()));
        if (convertedChild != null) {
            child.put("mediaType", convertedChild.mediaType());
            child.put("digest", convertedChild.digest().toString());
            child.put("size", convertedChild.bytes().length);
        } else {
            retype(child);
        }
    }

    private static void retype(ObjectNode descriptor) {
        String type = descriptor.path("mediaType").asText();
        if (TYPES.containsKey(type)) {
            descriptor.put("mediaType", TYPES.get(type));
        }
    }

    private static ObjectNode read(FetchedManifest manifest) {
        try {
            JsonNode tree = JSON.readTree(manifest.bytes());
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.VERIFICATION, "manifest " + manifest.digest() + " is not JSON: " + e.getMessage(), e);
        }
        throw new ClientException(FailureKind.VERIFICATION, "manifest " + manifest.digest() + " is no JSON object");
    }
}
