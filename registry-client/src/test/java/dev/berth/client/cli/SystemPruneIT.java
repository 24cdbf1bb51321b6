package dev.berth.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth system prune")
class SystemPruneIT {
    @TempDir
    Path scratch;

    @Test
    @DisplayName("removes the containers that ended and the cache's blobs of an image whose tag moved on;"
            + " the running container and the tagged image stay")
    void prunesContainersAndCache() throws Exception {
        Prerequisites.executable("runc", "runc");
        try (InProcessBerth registry = InProcessBerth.start(scratch.resolve("data"), false)) {
            String reference = registry.url().getAuthority() + "/prune/app:1";
            OciImage first = push("first", reference);
            CommandResult ended = berth("run", "--name", "ended", "--runtime", "runc", reference, "sh", "-c", "exit 0");
            assertThat(ended.exitCode()).as(ended.describe()).isZero();

            push("second", reference);
            CommandResult running = berth(
                    "run",
                    "-d",
                    "--pull",
                    "always",
                    "--name",
                    "running",
                    "--runtime",
                    "runc",
                    reference,
                    "sh",
                    "-c",
                    "sleep 300");
            assertThat(running.exitCode()).as(running.describe()).isZero();
            Path firstManifest = scratch.resolve("cache/blobs/sha256")
                    .resolve(first.manifestDigest().substring(7));
            assertThat(firstManifest)
                    .as("the first image, untagged in the cache")
                    .isRegularFile();

            try {
                CommandResult prune = berth("system", "prune");
                assertThat(prune.exitCode()).as(prune.describe()).isZero();
                // The first image's manifest, config and top layer; busybox's layer is the second's too.
                assertThat(prune.stdout()).startsWith("Deleted container ended\nDeleted 3 blobs, ");
                assertThat(berth("ps", "-a", "-q").stdout()).isEqualTo("running\n");
                assertThat(firstManifest).doesNotExist();
                OciLayout cache = OciLayout.open(scratch.resolve("cache"));
                for (var blob : cache.readManifest(cache.find(reference)).requiredBlobs()) {
                    assertThat(cache.blobPath(blob.digest())).exists();
                }

                CommandResult again = berth("system", "prune");
                assertThat(again.stdout()).startsWith("Deleted 0 blobs");
            } finally {
                berth("rm", "-f", "running");
            }
        }
    }

    private OciImage push(String flavour, String reference) {
        Path layout = scratch.resolve(flavour);
        OciImage image = OciLayoutWriter.write(layout, "v1", flavour);
        CliRun pushed = CliRun.berth(
                Map.of("DOCKER_CONFIG", scratch.resolve("docker").toString()),
                "push",
                "-q",
                layout + ":" + image.tag(),
                reference);
        assertThat(pushed.exitCode()).as(pushed.err()).isZero();
        return image;
    }

    /** berth as its own process, as a user runs it: containers outlive the command that started them. */
    private CommandResult berth(String... args) {
        return CliProcess.berth(List.of(), args)
                .env("BERTH_STATE_DIR", scratch.resolve("state").toString())
                .env("BERTH_CACHE", scratch.resolve("cache").toString())
                .env("DOCKER_CONFIG", scratch.resolve("docker").toString())
                .timeout(Duration.ofMinutes(2))
                .run();
    }
}
