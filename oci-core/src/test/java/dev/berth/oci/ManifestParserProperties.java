package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pushed manifests and indexes: generated well-formed ones must be read as written, and any
 * damage to one must end in MANIFEST_INVALID (the spec's 400), never in another failure (a 500).
 */
class ManifestParserProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property
    @Label("a well-formed image manifest is read back with its config, its layers and its annotations as written")
    void imageManifestsAreReadAsWritten(
            @ForAll("descriptors") List<Descriptor> layers,
            @ForAll("descriptors") List<Descriptor> configs,
            @ForAll("annotations") Map<String, String> annotations) {
        Descriptor config = configs.isEmpty() ? Descriptor.of(MediaTypes.OCI_CONFIG, digest("c"), 2) : configs.get(0);
        ObjectNode manifest = NODES.objectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", json(config));
        ArrayNode layerArray = manifest.putArray("layers");
        layers.forEach(layer -> layerArray.add(json(layer)));
        annotations.forEach((key, value) -> manifest.withObject("/annotations").put(key, value));

        Manifest parsed = ManifestParser.parse(ManifestJson.bytes(manifest), MediaTypes.OCI_MANIFEST);

        assertThat(parsed.isIndex()).isFalse();
        assertThat(parsed.config()).isEqualTo(config);
        assertThat(parsed.layers()).isEqualTo(layers);
        assertThat(parsed.annotations()).isEqualTo(annotations);
    }

    @Property
    @Label("a well-formed index is read back with its children, platforms included, as written")
    void indexesAreReadAsWritten(@ForAll("descriptors") List<Descriptor> children, @ForAll boolean dockerList) {
        String mediaType = dockerList ? MediaTypes.DOCKER_MANIFEST_LIST : MediaTypes.OCI_INDEX;
        ObjectNode index = NODES.objectNode().put("schemaVersion", 2).put("mediaType", mediaType);
        ArrayNode array = index.putArray("manifests");
        List<Descriptor> withPlatforms = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Descriptor child = children.get(i);
            Descriptor withPlatform = new Descriptor(
                    child.mediaType(),
                    child.digest(),
                    child.size(),
                    child.artifactType(),
                    child.urls(),
                    child.annotations(),
                    Map.of("os", "linux", "architecture", i % 2 == 0 ? "amd64" : "arm64"));
            withPlatforms.add(withPlatform);
            ObjectNode entry = json(withPlatform);
            entry.putObject("platform").put("os", "linux").put("architecture", i % 2 == 0 ? "amd64" : "arm64");
            array.add(entry);
        }

        Manifest parsed = ManifestParser.parse(ManifestJson.bytes(index), null);

        assertThat(parsed.isIndex()).isTrue();
        assertThat(parsed.mediaType()).isEqualTo(mediaType);
        assertThat(parsed.manifests()).isEqualTo(withPlatforms);
    }

    @Property
    @Label(
            "a manifest or index with one value replaced by any JSON value is either read or refused with MANIFEST_INVALID, and a wrong schemaVersion, digest or size is always refused")
    void damagedManifestsAreRefusedAsInvalid(
            @ForAll("wellFormed") ObjectNode manifest,
            @ForAll("places") List<Integer> place,
            @ForAll("anyJson") JsonNode replacement) {
        String replaced = replaceAt(manifest, place, replacement);

        Throwable failure = catchThrowable(() -> ManifestParser.parse(ManifestJson.bytes(manifest), null));

        assertReadOrInvalid(failure);
        if (mustBeRefused(replaced, replacement)) {
            assertThat(failure).as("replaced %s with %s", replaced, replacement).isNotNull();
        }
    }

    @Property
    @Label(
            "a descriptor (config, layer, index child or subject) with any field set to any JSON value is either read or refused with MANIFEST_INVALID, and a wrong mediaType, digest or size is always refused")
    void damagedDescriptorsAreRefusedAsInvalid(
            @ForAll("wellFormed") ObjectNode manifest,
            @ForAll int which,
            @ForAll("descriptorFields") String field,
            @ForAll("anyJson") JsonNode value) {
        List<ObjectNode> descriptors = new ArrayList<>();
        for (String single : List.of("config", "subject")) {
            if (manifest.get(single) instanceof ObjectNode descriptor) {
                descriptors.add(descriptor);
            }
        }
        for (String array : List.of("layers", "manifests")) {
            manifest.path(array).forEach(descriptor -> descriptors.add((ObjectNode) descriptor));
        }
        descriptors.get(Math.floorMod(which, descriptors.size())).set(field, value);

        Throwable failure = catchThrowable(() -> ManifestParser.parse(ManifestJson.bytes(manifest), null));

        assertReadOrInvalid(failure);
        if (mustBeRefused(field, value)) {
            assertThat(failure).as("set %s to %s", field, value).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> descriptorFields() {
        return Arbitraries.of("mediaType", "digest", "size", "platform", "urls", "annotations", "artifactType", "data");
    }

    @Property
    @Label(
            "any bytes, and any cut of a well-formed manifest, are read or refused with MANIFEST_INVALID, never anything else")
    void anyBytesAreReadOrRefused(@ForAll("wellFormed") ObjectNode manifest, @ForAll byte[] noise, @ForAll int cut) {
        byte[] whole = ManifestJson.bytes(manifest);
        byte[] truncated = new String(whole, StandardCharsets.UTF_8)
                .substring(0, Math.floorMod(cut, whole.length))
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] body : List.of(noise, truncated)) {
            assertReadOrInvalid(catchThrowable(() -> ManifestParser.parse(body, MediaTypes.OCI_MANIFEST)));
        }
    }

    /** No failure, or the spec's refusal of a manifest with a message. */
    private static void assertReadOrInvalid(Throwable failure) {
        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(DistributionException.class);
            assertThat(((DistributionException) failure).code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
            assertThat(failure.getMessage()).isNotBlank();
        }
    }

    /**
     * What the specs require of a field wherever it stands, as the parser meets the value: a
     * schemaVersion of 2, a media type that is a non-empty string, a digest of the accepted grammar,
     * a size that is a whole number from 0 that fits a long.
     */
    private static boolean mustBeRefused(String field, JsonNode value) {
        JsonNode sent = reread(value);
        return switch (field) {
            case "schemaVersion" -> !(sent.isInt() && sent.intValue() == 2);
            case "mediaType" -> !sent.isTextual() || sent.textValue().isEmpty();
            case "digest" -> !(sent.isTextual() && Digest.isValid(sent.textValue()));
            case "size" -> !(sent.canConvertToExactIntegral() && sent.canConvertToLong() && sent.longValue() >= 0);
            default -> false;
        };
    }

    /** The value as the parser meets it: written out and read again (a long 2 comes back an int, 2.0 a double). */
    private static JsonNode reread(JsonNode value) {
        try {
            return ManifestJson.JSON.readTree(value.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the value at a path of indexes (each picks among an object's fields or an array's
     * elements, modulo their count; the walk stops at a leaf); answers the name of the replaced field.
     */
    private static String replaceAt(ObjectNode root, List<Integer> place, JsonNode replacement) {
        JsonNode container = root;
        String field = null;
        int element = -1;
        for (int step : place) {
            JsonNode next = field != null ? container.get(field) : element >= 0 ? container.get(element) : container;
            if (!next.isContainerNode() || next.isEmpty()) {
                break;
            }
            container = next;
            if (next.isObject()) {
                List<String> names = new ArrayList<>();
                next.fieldNames().forEachRemaining(names::add);
                field = names.get(Math.floorMod(step, names.size()));
                element = -1;
            } else {
                field = null;
                element = Math.floorMod(step, next.size());
            }
        }
        if (field != null) {
            ((ObjectNode) container).set(field, replacement);
            return field;
        }
        if (element >= 0) {
            ((ArrayNode) container).set(element, replacement);
            return "[" + element + "]";
        }
        root.set("schemaVersion", replacement);
        return "schemaVersion";
    }

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return Arbitraries.of("oci", "docker", "index", "list")
                .map(kind -> switch (kind) {
                    case "oci" -> ManifestJson.ociManifest();
                    case "docker" -> ManifestJson.dockerManifest();
                    case "index" -> ManifestJson.ociIndex();
                    default -> ManifestJson.dockerManifestList();
                })
                .map(manifest -> {
                    manifest.putObject("annotations").put("org.example.note", "x");
                    manifest.set("subject", ManifestJson.descriptor(MediaTypes.OCI_MANIFEST, ManifestJson.SUBJECT, 7));
                    return manifest;
                });
    }

    @Provide
    Arbitrary<List<Integer>> places() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Scalars of every JSON type, with the edges of numbers, and small arrays and objects of them. */
    @Provide
    Arbitrary<JsonNode> anyJson() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(-1.0, 0.5, 2.0, 1e300, Double.MAX_VALUE).map(NODES::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(20), BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of("sha256:" + "0".repeat(64), "sha256:" + "0".repeat(63), "application/json", "")
                        .map(NODES::textNode));
        Arbitrary<JsonNode> arrays = scalars.list().ofMaxSize(3).map(values -> {
            ArrayNode array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(
                        Arbitraries.of("os", "architecture", "mediaType", "digest", "size", "x"), scalars)
                .as((key, value) -> (JsonNode) NODES.objectNode().set(key, value))
                .list()
                .ofMaxSize(3)
                .map(entries -> {
                    ObjectNode object = NODES.objectNode();
                    entries.forEach(entry -> object.setAll((ObjectNode) entry));
                    return object;
                });
        return Arbitraries.oneOf(scalars, arrays, objects);
    }

    @Provide
    Arbitrary<List<Descriptor>> descriptors() {
        Arbitrary<Descriptor> descriptor = Combinators.combine(
                        Arbitraries.of(
                                MediaTypes.OCI_LAYER_GZIP,
                                MediaTypes.OCI_LAYER_ZSTD,
                                MediaTypes.DOCKER_LAYER_GZIP,
                                MediaTypes.OCI_CONFIG),
                        Arbitraries.strings().ofMaxLength(12).map(ManifestParserProperties::digest),
                        Arbitraries.longs().greaterOrEqual(0),
                        annotations())
                .as((mediaType, digest, size, annotations) ->
                        new Descriptor(mediaType, digest, size, null, null, annotations, null));
        return descriptor.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Map<String, String>> annotations() {
        return Arbitraries.maps(
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().ofMaxLength(10))
                .ofMaxSize(3);
    }

    private static Digest digest(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode json(Descriptor descriptor) {
        ObjectNode node = ManifestJson.descriptor(descriptor.mediaType(), descriptor.digest(), descriptor.size());
        descriptor
                .annotations()
                .forEach((key, value) -> node.withObject("/annotations").put(key, value));
        return node;
    }
}
