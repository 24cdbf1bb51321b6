package dev.berth.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.runtime.cli.HostCgroups;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole path: an image pushed to Berth, then pulled, verified, unpacked and started by {@code berth run}. */
@DisplayName("berth run of an image pushed to Berth")
class RunFromRegistryIT {
    private static InProcessBerth registry;
    private static String reference;

    @TempDir
    Path scratch;

    @BeforeAll
    static void pushBusybox(@TempDir Path data, @TempDir Path layout) {
        registry = InProcessBerth.start(data, false);
        OciImage image = OciLayoutWriter.write(layout, "v1", "run");
        reference = registry.url().getAuthority() + "/e2e/app:1";
        CliRun pushed = CliRun.berth(
                Map.of("DOCKER_CONFIG", layout.resolve("docker").toString()),
                "push",
                "-q",
                layout + ":" + image.tag(),
                reference);
        assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"runc", "crun"})
    @DisplayName("prints what the image's command prints, returns its exit code, and fetches the layers only once")
    void runsThePushedImage(String runtime) throws Exception {
        Prerequisites.executable(runtime, runtime);
        String script = "cat " + OciLayoutWriter.FILE_PATH + "; exit 3";

        CommandResult first = berth(runtime, "run", "--rm", "--runtime", runtime, reference, "--", "sh", "-c", script);
        assertThat(first.exitCode()).as(first.describe()).isEqualTo(3);
        assertThat(first.stdout()).isEqualTo("hello from the run layer\n");

        List<Path> cached = cachedBlobs();
        long modified = Files.getLastModifiedTime(cached.get(0)).toMillis();
        CommandResult second =
                berth(runtime, "run", "--rm", "--runtime", runtime, reference, "--", "sh", "-c", "exit 0");
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(cachedBlobs()).isEqualTo(cached);
        assertThat(Files.getLastModifiedTime(cached.get(0)).toMillis()).isEqualTo(modified);
        assertThat(scratch.resolve("state/containers")).isEmptyDirectory();
    }

    @Test
    @DisplayName("runs a cached image with the registry gone (--pull missing, the default, and never), and its"
            + " stderr holds only the container's lines")
    void runsOffline(@TempDir Path data, @TempDir Path layout) {
        Prerequisites.executable("runc", "runc");
        String offline;
        try (InProcessBerth own = InProcessBerth.start(data, false)) {
            OciImage image = OciLayoutWriter.write(layout, "v1", "offline");
            offline = own.url().getAuthority() + "/e2e/offline:1";
            CliRun pushed = CliRun.berth(
                    Map.of("DOCKER_CONFIG", layout.resolve("docker").toString()),
                    "push",
                    "-q",
                    layout + ":" + image.tag(),
                    offline);
            assertThat(pushed.exitCode()).as(pushed.err()).isZero();
            CommandResult online = berth("runc", "run", "--rm", "--runtime", "runc", offline, "sh", "-c", "exit 0");
            assertThat(online.exitCode()).as(online.describe()).isZero();
        }
        for (String pull : List.of("missing", "never")) {
            CommandResult run = berth(
                    "runc", "run", "--rm", "--pull", pull, "--runtime", "runc", offline, "sh", "-c", "echo ran >&2");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stderr()).as(pull).isEqualTo("ran\n");
        }
    }

    private List<Path> cachedBlobs() throws Exception {
        try (var blobs = Files.list(scratch.resolve("cache/blobs/sha256"))) {
            return blobs.sorted().toList();
        }
    }

    /** berth as its own process: stdio, exit status and signals are the container's. */
    private CommandResult berth(String runtime, String... args) {
        return CliProcess.berth(HostCgroups.workaroundFor(runtime), args)
                .env("BERTH_STATE_DIR", scratch.resolve("state").toString())
                .env("BERTH_CACHE", scratch.resolve("cache").toString())
                .env("DOCKER_CONFIG", scratch.resolve("docker").toString())
                .timeout(Duration.ofMinutes(2))
                .run();
    }
}
