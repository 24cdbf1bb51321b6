package dev.berth.client.cli;

import dev.berth.client.FaultyProxy;
import dev.berth.client.TestLayouts;
import dev.berth.client.layout.OciLayout;
import dev.berth.conformance.suite.InProcessBerth;
import dev.berth.oci.Descriptor;
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

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

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
        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", registry.url().getAuthority() + "/" + repositoryAndTag);
        assertThat(push.exitCode()).as(push.err()).isZero();
    }

    @Test
    @DisplayName("fails with the verification exit code when a blob is tampered with, leaving no unverified blob behind")
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
            assertThat(proxy.blobRanges()).contains("bytes=150000-", "bytes=20000-");
            Descriptor image = OciLayout.open(temp.resolve("src")).find("v1");
            assertThat(OciLayout.open(dir).find("1").digest()).isEqualTo(image.digest());
            assertThat(filesUnder(dir.resolve("blobs"))).isEqualTo(filesUnder(temp.resolve("src/blobs")));
        }
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
