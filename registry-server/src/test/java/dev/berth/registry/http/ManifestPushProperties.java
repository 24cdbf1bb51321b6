package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Manifest PUTs over HTTP with damaged manifests and indexes: whatever the body, the registry takes
 * it (and gives back the same bytes) or answers with one of the spec's errors, never a 500 from
 * somewhere after the parser (the store, the referrers, the index's children).
 */
class ManifestPushProperties {
    private static final String REPOSITORY = "fuzz/manifests";
    private static final Set<String> MANIFEST_ERRORS =
            Set.of("MANIFEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "MANIFEST_UNKNOWN", "BLOB_UNKNOWN", "SIZE_INVALID");

    private static Path dir;
    private static InProcessBerth server;
    private static RegistryClient api;
    private static List<JsonObject> wellFormed;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("manifest-push-properties");
        server = InProcessBerth.start(dir.resolve("data"), true);
        api = server.client();
        Pushes push = new Pushes(api);
        Content config =
                push.blob(REPOSITORY, Content.json(MediaTypes.OCI_CONFIG, new JsonObject().put("os", "linux")));
        Content layer = push.randomBlob(REPOSITORY, 512);
        Content child = push.manifest(REPOSITORY, "child", MediaTypes.OCI_MANIFEST, Manifests.ociImage(config, layer));
        wellFormed = List.of(
                Manifests.ociImage(config, layer),
                Manifests.dockerImage(config, layer),
                Manifests.withSubject(Manifests.ociImage(config), child),
                Manifests.ociIndex(child),
                Manifests.dockerList(child));
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Property
    @Label(
            "a manifest with any value replaced is stored and served back byte for byte, or refused with a manifest error of the spec")
    void damagedManifestsAreStoredOrRefused(
            @ForAll("manifests") JsonObject manifest,
            @ForAll("places") List<Integer> place,
            @ForAll("values") Object value,
            @ForAll("contentTypes") String contentType) {
        replaceAt(manifest, place, value);

        assertStoredOrRefused(manifest, contentType);
    }

    @Property
    @Label(
            "a manifest with any field of a descriptor (config, layer, child, subject) set to any value is stored and served back, or refused with a manifest error of the spec")
    void damagedDescriptorsAreStoredOrRefused(
            @ForAll("manifests") JsonObject manifest,
            @ForAll int which,
            @ForAll("descriptorFields") String field,
            @ForAll("values") Object value,
            @ForAll boolean asPlatformField) {
        List<JsonObject> descriptors = new ArrayList<>();
        for (String single : List.of("config", "subject")) {
            if (manifest.getValue(single) instanceof JsonObject descriptor) {
                descriptors.add(descriptor);
            }
        }
        for (String array : List.of("layers", "manifests")) {
            if (manifest.getValue(array) instanceof JsonArray list) {
                list.forEach(descriptor -> descriptors.add((JsonObject) descriptor));
            }
        }
        // Half the time the value goes one level deeper, into a platform object, where an index keeps it.
        Object set = field.equals("platform") && asPlatformField
                ? new JsonObject().put("architecture", "amd64").put("os", value)
                : value;
        descriptors.get(Math.floorMod(which, descriptors.size())).put(field, set);

        assertStoredOrRefused(manifest, MediaTypes.OCI_MANIFEST);
    }

    private static void assertStoredOrRefused(JsonObject manifest, String contentType) {
        byte[] body = manifest.encode().getBytes(StandardCharsets.UTF_8);

        Reply reply = api.put("/v2/" + REPOSITORY + "/manifests/fuzzed", body, "Content-Type", contentType);

        if (reply.status() == 201) {
            Reply stored = api.get(
                    "/v2/" + REPOSITORY + "/manifests/" + reply.header("Docker-Content-Digest"), "Accept", "*/*");
            assertThat(stored.status()).isEqualTo(200);
            assertThat(Arrays.equals(stored.body(), body))
                    .as("served back as pushed")
                    .isTrue();
        } else {
            assertThat(reply.status()).as(reply.toString()).isIn(400, 404);
            assertThat(reply.json().path("errors").path(0).path("code").asText())
                    .as(reply.toString())
                    .isIn(MANIFEST_ERRORS);
        }
    }

    @Provide
    Arbitrary<String> descriptorFields() {
        return Arbitraries.of("mediaType", "digest", "size", "platform", "urls", "annotations", "artifactType");
    }

    /** Walks objects by field and arrays by element (each step modulo their size) and replaces what it reaches. */
    private static void replaceAt(JsonObject root, List<Integer> place, Object value) {
        Object container = root;
        Object key = null;
        for (int step : place) {
            Object next = key == null ? container : get(container, key);
            if (next instanceof JsonObject object && !object.isEmpty()) {
                container = object;
                key = new ArrayList<>(object.fieldNames()).get(Math.floorMod(step, object.size()));
            } else if (next instanceof JsonArray array && !array.isEmpty()) {
                container = array;
                key = Math.floorMod(step, array.size());
            } else {
                break;
            }
        }
        if (container instanceof JsonObject object) {
            object.put(key == null ? "schemaVersion" : (String) key, value);
        } else {
            ((JsonArray) container).set((Integer) key, value);
        }
    }

    private static Object get(Object container, Object key) {
        return container instanceof JsonObject object
                ? object.getValue((String) key)
                : ((JsonArray) container).getValue((Integer) key);
    }

    @Provide
    Arbitrary<JsonObject> manifests() {
        return Arbitraries.of(wellFormed).map(JsonObject::copy);
    }

    @Provide
    Arbitrary<List<Integer>> places() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(4);
    }

    /** JSON values of every kind, with the near misses of digests, sizes and media types. */
    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.<Object>of(
                        "",
                        "sha256:" + "0".repeat(64),
                        "sha256:" + "0".repeat(63),
                        MediaTypes.OCI_INDEX,
                        MediaTypes.OCI_MANIFEST,
                        -1,
                        0,
                        2,
                        1.5,
                        Long.MAX_VALUE,
                        true,
                        new JsonObject(),
                        new JsonArray(),
                        new JsonObject().putNull("os"),
                        new JsonArray().add((Object) null)),
                Arbitraries.strings().ofMaxLength(12).map(text -> (Object) text),
                Arbitraries.<Object>just(null));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                MediaTypes.OCI_MANIFEST,
                MediaTypes.OCI_INDEX,
                MediaTypes.DOCKER_MANIFEST,
                "application/json",
                "text/plain",
                MediaTypes.OCI_MANIFEST + "; charset=utf-8");
    }
}
