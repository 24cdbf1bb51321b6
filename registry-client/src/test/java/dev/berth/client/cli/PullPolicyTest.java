package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.OciLayoutWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pull always|missing|never} of run and unpack, shown with unpack (the same image
 * resolution as run, without a runtime): the client fills its layout cache, the shim only reads it.
 */
@DisplayName("berth run and unpack --pull: when the registry is asked for the image")
class PullPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private InProcessBerth registry;
    private boolean running;
    private String reference;

    @BeforeEach
    void pushImage() {
        registry = InProcessBerth.start(temp.resolve("data"), false);
        running = true;
        OciLayoutWriter.write(temp.resolve("src"), "v1", "cached");
        reference = registry.url().getAuthority() + "/team/cached:1";
        CliRun push = berth(environment(), "push", "-q", temp.resolve("src") + ":v1", reference);
        assertThat(push.exitCode()).as(push.err()).isZero();
    }

    @Test
    @DisplayName("missing (the default) pulls once, then works offline on the cached image")
    void missingWorksOffline() {
        CliRun first = unpack("first");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("done, verified");

        stopRegistry();
        CliRun offline = unpack("offline");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.err()).isEmpty();
        assertThat(temp.resolve("offline/rootfs").resolve(OciLayoutWriter.FILE_PATH.substring(1)))
                .isRegularFile();
        CliRun always = unpack("always", "--pull", "always");
        assertThat(always.exitCode()).isEqualTo(125);
        assertThat(temp.resolve("always")).doesNotExist();
    }

    @Test
    @DisplayName("always pulls again, and says nothing about the blobs the cache already has")
    void alwaysQuietAboutCachedBlobs() {
        assertThat(unpack("first").exitCode()).isZero();
        CliRun again = unpack("again", "--pull", "always");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("already there");
    }

    @Test
    @DisplayName("never refuses an image the cache lacks, with one line and 125, and asks no registry")
    void neverWithoutCache() {
        stopRegistry();
        CliRun never = unpack("never", "--pull", "never");
        assertThat(never.exitCode()).isEqualTo(125);
        assertThat(never.err().lines().toList())
                .singleElement()
                .asString()
                .contains(reference + " is not in the layout cache", "--pull never");
    }

    @Test
    @DisplayName("a bad --pull value or an unknown option of run or unpack is one line and 125")
    void badValues() {
        stopRegistry();
        CliRun badPull = unpack("bad", "--pull", "sometimes");
        assertThat(badPull.exitCode()).isEqualTo(125);
        assertThat(badPull.err()).isEqualTo("berth: --pull sometimes: expected always, missing, never\n");
        for (String command : new String[] {"run", "unpack"}) {
            CliRun unknown = berth(
                    environment(),
                    command,
                    "--bogus",
                    reference,
                    temp.resolve("x").toString());
            assertThat(unknown.exitCode()).as(command).isEqualTo(125);
            assertThat(unknown.err().lines().toList())
                    .as(command)
                    .singleElement()
                    .asString()
                    .startsWith("berth " + command + ": Unknown option: '--bogus'");
        }
    }

    /** The registry gone: what works now works offline. */
    private void stopRegistry() {
        if (running) {
            registry.close();
            running = false;
        }
    }

    @AfterEach
    void stop() {
        stopRegistry();
    }

    @Test
    @DisplayName("a path that holds no layout is 'no such image or layout' for run and unpack, never looked up"
            + " as a registry")
    void typoInPath() {
        stopRegistry();
        String[] typos = {"./no-such-layout", "./no-such-layout:v1", temp.toString()};
        for (String typo : typos) {
            assertNoSuchLayout(
                    typo,
                    berth(environment(), "unpack", typo, temp.resolve("typo").toString()));
        }
        // run checks its runtime before it looks at the image.
        Prerequisites.executable("runc", "runc");
        Map<String, String> withPath = new HashMap<>(environment());
        withPath.put("PATH", System.getenv("PATH"));
        for (String typo : typos) {
            assertNoSuchLayout(typo, berth(withPath, "run", "--rm", typo));
        }
    }

    private static void assertNoSuchLayout(String typo, CliRun failed) {
        assertThat(failed.exitCode()).as(typo).isEqualTo(125);
        assertThat(failed.err())
                .as(typo)
                .isEqualTo("berth: no such image or layout: " + typo + " (no OCI layout directory there)\n");
    }

    @Test
    @DisplayName("an image pushed with docker's media types, cached converted to OCI (another digest), is pulled"
            + " once with missing, by tag or by its registry digest, and again without a mismatch with always")
    void dockerTypedImage() throws IOException {
        Digest pushed = pushDockerTyped(reference);
        String byDigest = reference.substring(0, reference.lastIndexOf(':')) + "@" + pushed;

        for (String image : List.of(reference, byDigest)) {
            CliRun first = unpackImage(image, "first-" + image.length());
            assertThat(first.exitCode()).as(first.err()).isZero();
            Descriptor cached = OciLayout.open(temp.resolve("cache")).find(image);
            assertThat(cached.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            assertThat(cached.digest()).isNotEqualTo(pushed);

            CliRun cachedRun = unpackImage(image, "cached-" + image.length());
            assertThat(cachedRun.exitCode()).as(cachedRun.err()).isZero();
            assertThat(cachedRun.err())
                    .as("no pull: the converted image counts as cached")
                    .isEmpty();
            CliRun always = unpackImage(image, "always-" + image.length(), "--pull", "always");
            assertThat(always.exitCode()).as(always.err()).isZero();
            assertThat(OciLayout.open(temp.resolve("cache")).find(image)).isEqualTo(cached);
        }
        stopRegistry();
        CliRun offline = unpackImage(byDigest, "offline");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
    }

    /**
     * Pushes an image whose manifest, config and layers carry docker's media types, as docker push
     * sends them (the bytes of config and layers as an OCI image has them), and returns its digest.
     */
    private Digest pushDockerTyped(String target) throws IOException {
        Path layout = temp.resolve("docker-typed");
        OciLayoutWriter.write(layout, "v1", "docker");
        ObjectNode index =
                (ObjectNode) JSON.readTree(layout.resolve("index.json").toFile());
        ObjectNode entry = (ObjectNode) index.get("manifests").get(0);
        byte[] manifest = Files.readAllBytes(blob(layout, entry.get("digest").asText()));
        byte[] docker = new String(manifest, StandardCharsets.UTF_8)
                .replace(MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST)
                .replace(MediaTypes.OCI_CONFIG, MediaTypes.DOCKER_CONFIG)
                .replace(MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP)
                .getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(docker);
        Files.write(blob(layout, digest.toString()), docker);
        entry.put("mediaType", MediaTypes.DOCKER_MANIFEST);
        entry.put("digest", digest.toString());
        entry.put("size", docker.length);
        JSON.writeValue(layout.resolve("index.json").toFile(), index);
        CliRun push = berth(environment(), "push", "-q", layout + ":v1", target);
        assertThat(push.exitCode()).as(push.err()).isZero();
        return digest;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs/sha256").resolve(Digest.parse(digest).encoded());
    }

    private CliRun unpack(String bundle, String... options) {
        return unpackImage(reference, bundle, options);
    }

    private CliRun unpackImage(String image, String bundle, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "unpack";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = image;
        args[options.length + 2] = temp.resolve(bundle).toString();
        return berth(environment(), args);
    }

    private Map<String, String> environment() {
        return Map.of(
                "DOCKER_CONFIG", temp.resolve("docker").toString(),
                "BERTH_CACHE", temp.resolve("cache").toString());
    }
}
