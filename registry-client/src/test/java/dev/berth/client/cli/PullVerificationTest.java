package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.FaultyProxy;
import dev.berth.client.TestLayouts;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth pull through a misbehaving registry")
class PullVerificationTest {
    private static InProcessBerth registry;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) {
        registry = InProcessBerth.start(data, false);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }

    private void pushed(String repositoryAndTag, long seed) {
        TestLayouts.image(temp.resolve("src"), "v1", seed, 40_000, 300_000);
        CliRun push = berth(
                env(),
                "push",
                "-q",
                temp.resolve("src") + ":v1",
                registry.url().getAuthority() + "/" + repositoryAndTag);
        assertThat(push.exitCode()).as(push.err()).isZero();
    }

    @Test
    @DisplayName(
            "fails with the verification exit code when a blob is tampered with, leaving no unverified blob behind")
    void tamperedBlobFails() throws IOException {
        pushed("tamper/app:1", 11);
        try (FaultyProxy proxy = FaultyProxy.start(registry.url(), FaultyProxy.Fault.TAMPER)) {
            Path dir = temp.resolve("pulled");
            CliRun pull = berth(env(), "pull", "-q", proxy.hostPort() + "/tamper/app:1", dir.toString());

            assertThat(pull.exitCode()).as(pull.err()).isEqualTo(5);
            assertThat(pull.err()).contains("verification failed");
            assertThat(filesUnder(dir.resolve("blobs"))).isEmpty();
            assertThat(filesUnder(dir.resolve(".berth-partial"))).isEmpty();
            assertThat(OciLayout.open(dir).entries()).isEmpty();
        }
    }

    @Test
    @DisplayName("resumes a blob download whose connection dropped with a ranged request, and verifies the result")
    void droppedDownloadResumes() throws IOException {
        pushed("resume/app:1", 12);
        try (FaultyProxy proxy = FaultyProxy.start(registry.url(), FaultyProxy.Fault.DROP_ONCE)) {
            Path dir = temp.resolve("pulled");
            CliRun pull = berth(env(), "pull", "--jobs", "1", proxy.hostPort() + "/resume/app:1", dir.toString());

            assertThat(pull.exitCode()).as(pull.err()).isZero();
            // Each of the three blobs: a whole GET that dropped, then a ranged GET from what had arrived.
            assertThat(proxy.blobRanges()).filteredOn(String::isEmpty).hasSize(3);
            assertThat(proxy.blobRanges())
                    .filteredOn(range -> !range.isEmpty())
                    .hasSize(3)
                    .allMatch(range -> range.matches("bytes=[1-9][0-9]*-"));
            Descriptor image = OciLayout.open(temp.resolve("src")).find("v1");
            assertThat(OciLayout.open(dir).find("1").digest()).isEqualTo(image.digest());
            assertThat(filesUnder(dir.resolve("blobs"))).isEqualTo(filesUnder(temp.resolve("src/blobs")));
        }
    }

    @Test
    @DisplayName("retries requests the registry answers with 503")
    void retriesUnavailable() throws IOException {
        pushed("retry/app:1", 13);
        try (FaultyProxy proxy = FaultyProxy.start(registry.url(), FaultyProxy.Fault.UNAVAILABLE_ONCE)) {
            CliRun pull = berth(
                    env(),
                    "pull",
                    "-q",
                    proxy.hostPort() + "/retry/app:1",
                    temp.resolve("pulled").toString());
            assertThat(pull.exitCode()).as(pull.err()).isZero();
        }
    }

    @Test
    @DisplayName("follows blob redirects to another host without sending it the registry's Authorization header")
    void redirectsWithoutCredentials() throws IOException {
        pushed("redirect/app:1", 14);
        try (FaultyProxy proxy = FaultyProxy.start(registry.url(), FaultyProxy.Fault.REDIRECT_BLOBS)) {
            Path dockerConfig = Files.createDirectories(temp.resolve("docker"));
            Files.writeString(
                    dockerConfig.resolve("config.json"),
                    "{\"auths\":{\"" + proxy.hostPort() + "\":{\"auth\":\""
                            + FaultyProxy.BASIC.substring("Basic ".length()) + "\"}}}");

            CliRun pull = berth(
                    env(),
                    "pull",
                    "-q",
                    proxy.hostPort() + "/redirect/app:1",
                    temp.resolve("pulled").toString());

            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(proxy.objectStoreAuthorizations()).hasSize(3).containsOnly("");
        }
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
