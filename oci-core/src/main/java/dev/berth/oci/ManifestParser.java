package dev.berth.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bytes of a pushed manifest and checks them against the image spec (and Docker's
 * schema 2), failing with MANIFEST_INVALID and a message that says what is wrong.
 *
 * <p>The media type comes from the body's {@code mediaType} field; the request's Content-Type
 * must agree with it when both are present, and stands in for it when the body has none.
 */
public final class ManifestParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ManifestParser() {}

    public static Manifest parse(byte[] body, String contentType) {
        ObjectNode root = readObject(body);
        String declared = MediaTypes.essence(contentType);
        String inBody = optionalText(root, "mediaType");
        String mediaType = inBody != null ? inBody : declared;
        if (mediaType == null || mediaType.isEmpty()) {
            throw invalid("manifest has no mediaType field and the request no Content-Type");
        }
        if (inBody != null
                && declared != null
                && !declared.isEmpty()
                && !declared.equals(inBody)
                && !isGenericContentType(declared)) {
            throw invalid("Content-Type " + declared + " does not match the manifest's mediaType " + inBody);
        }
        if (mediaType.equals(MediaTypes.DOCKER_SCHEMA1) || mediaType.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED)) {
            throw invalid("Docker schema 1 manifests are not supported; push schema 2 or OCI");
        }
        if (!MediaTypes.isManifest(mediaType)) {
            throw invalid("unsupported manifest media type: " + mediaType);
        }
        JsonNode schemaVersion = root.get("schemaVersion");
        if (schemaVersion == null || !schemaVersion.isInt() || schemaVersion.intValue() != 2) {
            throw invalid("schemaVersion must be 2");
        }
        Descriptor subject = root.hasNonNull("subject") ? descriptor(root.get("subject"), "subject") : null;
        String artifactType = optionalText(root, "artifactType");
        Map<String, String> annotations = stringMap(root.get("annotations"), "annotations");
        if (MediaTypes.isIndex(mediaType)) {
            List<Descriptor> children = descriptors(root, "manifests");
            return new Manifest(mediaType, null, List.of(), children, subject, artifactType, annotations);
        }
        if (!root.hasNonNull("config")) {
            throw invalid("image manifest has no config descriptor");
        }
        Descriptor config = descriptor(root.get("config"), "config");
        List<Descriptor> layers = descriptors(root, "layers");
        return new Manifest(mediaType, config, layers, List.of(), subject, artifactType, annotations);
    }

    /**
     * The media type of a manifest that was accepted earlier: its {@code mediaType} field, or,
     * for OCI content that omits it, an index when it lists manifests and an image manifest otherwise.
     */
    public static String storedMediaType(byte[] body) {
        ObjectNode root = readObject(body);
        String inBody = optionalText(root, "mediaType");
        if (inBody != null) {
            return inBody;
        }
        return root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }

    /** Content types some clients send when they do not name the manifest type. */
    private static boolean isGenericContentType(String contentType) {
        return contentType.equals("application/json") || contentType.equals("application/octet-stream");
    }

    private static ObjectNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("manifest is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("manifest is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("manifest must be a JSON object");
        }
        return (ObjectNode) root;
    }

    private static List<Descriptor> descriptors(ObjectNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw invalid("manifest field " + field + " must be an array");
        }
        List<Descriptor> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(descriptor(array.get(i), field + "[" + i + "]"));
        }
        return result;
    }

    private static Descriptor descriptor(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be a descriptor object");
        }
        String mediaType = optionalText(node, "mediaType");
        if (mediaType == null || mediaType.isEmpty()) {
            throw invalid(where + " has no mediaType");
        }
        String digestText = optionalText(node, "digest");
        Digest digest;
        try {
            digest = Digest.parse(digestText);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong() || size.longValue() < 0) {
            throw invalid(where + " must have a non-negative integer size");
        }
        List<String> urls = new ArrayList<>();
        JsonNode urlsNode = node.get("urls");
        if (urlsNode != null && !urlsNode.isNull()) {
            if (!urlsNode.isArray()) {
                throw invalid(where + ".urls must be an array of strings");
            }
            urlsNode.forEach(url -> urls.add(url.asText()));
        }
        Map<String, Object> platform = null;
        JsonNode platformNode = node.get("platform");
        if (platformNode != null && !platformNode.isNull()) {
            if (!platformNode.isObject()) {
                throw invalid(where + ".platform must be an object");
            }
            // The descriptor keeps an immutable copy, which holds no nulls (and the spec's fields are never null).
            Iterator<String> names = platformNode.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (platformNode.get(name).isNull()) {
                    throw invalid(where + ".platform." + name + " must not be null");
                }
            }
            platform = JSON.convertValue(platformNode, Map.class);
        }
        return new Descriptor(
                mediaType,
                digest,
                size.longValue(),
                optionalText(node, "artifactType"),
                urls,
                stringMap(node.get("annotations"), where + ".annotations"),
                platform);
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("field " + field + " must be a string");
        }
        return value.textValue();
    }

    private static Map<String, String> stringMap(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid(where + " must be an object of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isTextual()) {
                throw invalid(where + "." + entry.getKey() + " must be a string");
            }
            result.put(entry.getKey(), entry.getValue().textValue());
        }
        return result;
    }

    private static DistributionException invalid(String message) {
        return new DistributionException(ErrorCode.MANIFEST_INVALID, message);
    }
}
