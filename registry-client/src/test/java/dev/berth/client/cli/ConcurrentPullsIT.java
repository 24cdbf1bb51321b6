package dev.berth.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.TestLayouts;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout cache that {@code berth run}s share, filled by several berth processes at once. */
@DisplayName("berth pulls into one layout from several processes at once")
class ConcurrentPullsIT {
    private static final int PULLS = 4;

    @Test
    @DisplayName("all succeed, each blob is written once and verified, and index.json keeps every tag")
    void concurrentPullsShareTheLayout(
            @TempDir Path data, @TempDir Path source, @TempDir Path shared, @TempDir Path docker) throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(data, true)) {
            String repository = registry.url().getAuthority() + "/cache/app";
            TestLayouts.image(source, "v1", 7, 24 * 1024 * 1024, 8 * 1024 * 1024, 4096);
            for (int i = 0; i < PULLS; i++) {
                assertThat(CliRun.berth(
                                        Map.of("DOCKER_CONFIG", docker.toString()),
                                        "push",
                                        "-q",
                                        source + ":v1",
                                        repository + ":t" + i)
                                .exitCode())
                        .isZero();
            }

            ExecutorService processes = Executors.newFixedThreadPool(PULLS);
            List<Future<CommandResult>> pulls = new ArrayList<>();
            try {
                for (int i = 0; i < PULLS; i++) {
                    String tag = "t" + i;
                    pulls.add(processes.submit(
                            () -> CliProcess.berth(List.of(), "pull", "-q", repository + ":" + tag, shared.toString())
                                    .env("DOCKER_CONFIG", docker.toString())
                                    .timeout(Duration.ofMinutes(3))
                                    .run()));
                }
                for (Future<CommandResult> pull : pulls) {
                    CommandResult result = pull.get();
                    assertThat(result.exitCode()).as(result.describe()).isZero();
                }
            } finally {
                processes.shutdownNow();
            }

            OciLayout pulled = OciLayout.open(shared);
            assertThat(pulled.entries()).hasSize(PULLS);
            assertThat(blobNames(shared)).isEqualTo(blobNames(source));
            assertThat(Files.list(shared.resolve(".berth-partial"))).isEmpty();
        }
    }

    private static List<String> blobNames(Path layout) throws Exception {
        try (Stream<Path> files = Files.list(layout.resolve("blobs/sha256"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
