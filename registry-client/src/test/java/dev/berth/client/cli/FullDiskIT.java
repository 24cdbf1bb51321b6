package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.FailureKind;
import dev.berth.client.TestLayouts;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull into a file system that fills up: a tmpfs of 64 KiB mounted for the test (which needs root). */
@DisplayName("berth pull onto a full disk")
class FullDiskIT {
    @TempDir
    Path temp;

    private Path small;

    @BeforeEach
    void mountSmallDisk() throws IOException {
        small = Files.createDirectories(temp.resolve("small"));
        CommandResult mount = Command.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                .run();
        Prerequisites.require(mount.succeeded(), "mounting a tmpfs (as root): " + mount.describe());
    }

    @AfterEach
    void unmount() {
        Command.of("umount", small.toString()).run();
    }

    @Test
    @DisplayName("fails at once with its own exit code, saying the disk is full, and leaves no partial file")
    void fullDisk() throws IOException {
        try (InProcessBerth registry = InProcessBerth.start(temp.resolve("data"), false)) {
            String reference = registry.url().getAuthority() + "/full/app:1";
            TestLayouts.image(temp.resolve("src"), "v1", 61, 400_000);
            Map<String, String> env =
                    Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
            assertThat(berth(env, "push", "-q", temp.resolve("src") + ":v1", reference)
                            .exitCode())
                    .isZero();

            CliRun pull = berth(env, "pull", reference, small.resolve("layout").toString());

            assertThat(pull.exitCode()).as(pull.err()).isEqualTo(FailureKind.LOCAL.exitCode());
            assertThat(pull.err())
                    .contains("No space left on device", "removed", "free some space")
                    .doesNotContain("failed 5 times", "attempts");
            try (Stream<Path> partials = Files.list(small.resolve("layout/.berth-partial"))) {
                assertThat(partials).isEmpty();
            }
        }
    }
}
