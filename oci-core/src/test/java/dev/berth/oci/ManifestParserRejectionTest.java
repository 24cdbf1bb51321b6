package dev.berth.oci;

import static dev.berth.oci.ManifestJson.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every manifest the parser refuses is refused with MANIFEST_INVALID and a message saying why. */
class ManifestParserRejectionTest {

    private static DistributionException refusal(byte[] body, String contentType) {
        DistributionException e =
                catchThrowableOfType(DistributionException.class, () -> ManifestParser.parse(body, contentType));
        assertThat(e).as("the parser should refuse the manifest").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    private static DistributionException refusal(ObjectNode manifest) {
        return refusal(bytes(manifest), null);
    }

    private static ObjectNode firstLayer(ObjectNode manifest) {
        return (ObjectNode) manifest.get("layers").get(0);
    }

    @Test
    @DisplayName("a Content-Type that contradicts the mediaType field is refused")
    void contentTypeMismatch() {
        assertThat(refusal(bytes(ManifestJson.ociManifest()), MediaTypes.OCI_INDEX))
                .hasMessageContaining("does not match");
    }

    @Test
    @DisplayName("neither a mediaType field nor a Content-Type leaves the type unknown")
    void noMediaTypeAtAll() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.remove("mediaType");

        assertThat(refusal(bytes(manifest), null)).hasMessageContaining("no mediaType");
    }

    @Test
    @DisplayName("a platform with a null value is refused, not a crash (found by ManifestParserProperties)")
    void platformWithNull() {
        ObjectNode index = ManifestJson.ociIndex();
        ((ObjectNode) index.get("manifests").get(0).get("platform")).putNull("os");

        assertThat(refusal(index)).hasMessageContaining("manifests[0].platform.os");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MediaTypes.DOCKER_SCHEMA1, MediaTypes.DOCKER_SCHEMA1_SIGNED})
    @DisplayName("Docker schema 1 is refused")
    void schema1(String mediaType) {
        ObjectNode manifest =
                ManifestJson.JSON.createObjectNode().put("schemaVersion", 1).put("mediaType", mediaType);

        assertThat(refusal(bytes(manifest), mediaType)).hasMessageContaining("schema 1");
    }

    @Test
    @DisplayName("a type that is no manifest is refused")
    void unsupportedType() {
        ObjectNode manifest = ManifestJson.ociManifest().put("mediaType", MediaTypes.OCI_CONFIG);

        assertThat(refusal(manifest)).hasMessageContaining("unsupported manifest media type");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "{", "{\"schemaVersion\": 2,}", "not json"})
    @DisplayName("a body that is not valid JSON is refused")
    void invalidJson(String body) {
        refusal(body.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
    }

    @Test
    @DisplayName("content after the manifest object is refused: the digest covers bytes other readers would reject")
    void trailingContent() {
        byte[] manifest = bytes(ManifestJson.ociManifest());
        byte[] withTrailer = (new String(manifest, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8);

        assertThat(ManifestParser.parse(manifest, null).mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        refusal(withTrailer, null);
    }

    @Test
    @DisplayName("duplicate keys are refused, since readers could disagree on which one counts")
    void duplicateKeys() {
        String body = "{\"schemaVersion\":2,\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX
                + "\",\"manifests\":[]}";

        refusal(body.getBytes(StandardCharsets.UTF_8), null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"manifest\"", "42", "null"})
    @DisplayName("JSON that is not an object is refused")
    void notAnObject(String body) {
        assertThat(refusal(body.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST))
                .hasMessageContaining("JSON object");
    }

    @ParameterizedTest(name = "schemaVersion {0}")
    @ValueSource(strings = {"1", "3", "\"2\"", "2.5"})
    @DisplayName("a schemaVersion other than 2 is refused")
    void wrongSchemaVersion(String version) {
        String body = bytesAsString(ManifestJson.ociManifest())
                .replace("\"schemaVersion\":2", "\"schemaVersion\":" + version);

        refusal(body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    @DisplayName("an image manifest without a config is refused")
    void missingConfig() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.remove("config");

        assertThat(refusal(manifest)).hasMessageContaining("config");
    }

    @Test
    @DisplayName("layers that are not an array are refused")
    void layersNotArray() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putObject("layers");

        assertThat(refusal(manifest)).hasMessageContaining("layers");
    }

    @Test
    @DisplayName("an image manifest without layers is refused")
    void missingLayers() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.remove("layers");

        refusal(manifest);
    }

    @Test
    @DisplayName("an index without a manifests array is refused")
    void indexWithoutManifests() {
        ObjectNode index = ManifestJson.ociIndex();
        index.remove("manifests");

        assertThat(refusal(index)).hasMessageContaining("manifests");
    }

    @ParameterizedTest(name = "digest \"{0}\"")
    @ValueSource(strings = {"sha256:abc", "md5:d41d8cd98f00b204e9800998ecf8427e", "nocolon", ""})
    @DisplayName("a descriptor with a malformed digest is refused")
    void badDescriptorDigest(String digest) {
        ObjectNode manifest = ManifestJson.ociManifest();
        firstLayer(manifest).put("digest", digest);

        assertThat(refusal(manifest)).hasMessageContaining("layers[0]");
    }

    @Test
    @DisplayName("a descriptor without a digest is refused")
    void missingDescriptorDigest() {
        ObjectNode manifest = ManifestJson.ociManifest();
        ((ObjectNode) manifest.get("config")).remove("digest");

        assertThat(refusal(manifest)).hasMessageContaining("config");
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(strings = {"-1", "\"5\"", "1.5", "null", "99999999999999999999"})
    @DisplayName("a descriptor whose size is not a non-negative integer is refused")
    void badDescriptorSize(String size) {
        String body = bytesAsString(ManifestJson.ociManifest()).replace("\"size\":5", "\"size\":" + size);

        refusal(body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    @DisplayName("a descriptor without a mediaType is refused")
    void descriptorWithoutMediaType() {
        ObjectNode manifest = ManifestJson.ociManifest();
        firstLayer(manifest).remove("mediaType");

        assertThat(refusal(manifest)).hasMessageContaining("mediaType");
    }

    @Test
    @DisplayName("a descriptor that is not an object is refused")
    void descriptorNotObject() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putArray("layers").add("sha256:" + "a".repeat(64));

        assertThat(refusal(manifest)).hasMessageContaining("descriptor object");
    }

    @Test
    @DisplayName("a subject that is not a valid descriptor is refused")
    void badSubject() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.set("subject", ManifestJson.JSON.createObjectNode().put("digest", "sha256:nope"));

        assertThat(refusal(manifest)).hasMessageContaining("subject");
    }

    @Test
    @DisplayName("an artifactType that is not a string is refused")
    void artifactTypeNotString() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putArray("artifactType");

        assertThat(refusal(manifest)).hasMessageContaining("artifactType");
    }

    @Test
    @DisplayName("annotations that are not a map of strings are refused")
    void annotationsNotStrings() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putObject("annotations").put("count", 3);

        assertThat(refusal(manifest)).hasMessageContaining("annotations.count");
    }

    @Test
    @DisplayName("annotations that are not an object are refused")
    void annotationsNotObject() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putArray("annotations");

        assertThat(refusal(manifest)).hasMessageContaining("annotations");
    }

    @Test
    @DisplayName("a platform that is not an object is refused")
    void platformNotObject() {
        ObjectNode index = ManifestJson.ociIndex();
        ((ObjectNode) index.get("manifests").get(0)).put("platform", "linux/amd64");

        assertThat(refusal(index)).hasMessageContaining("platform");
    }

    private static String bytesAsString(ObjectNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }
}
