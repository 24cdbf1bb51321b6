package dev.berth.registry.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/healthz and /readyz")
class HealthEndpointsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Both answer 200 while storage takes writes, and the probe leaves nothing behind")
    void healthyAndReady() throws Exception {
        Path root = dir.resolve("data");
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of())) {
            RegistryClient api = registry.client();
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            Reply ready = api.get("/readyz");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text()).contains("ready");
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("When storage cannot be written, /readyz answers 503 with the reason while /healthz stays 200")
    void notReadyWhenStorageIsGone() throws Exception {
        Path root = dir.resolve("data");
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of())) {
            RegistryClient api = registry.client();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            // A file where the storage root should be: as a lost mount would, it refuses every write.
            try (Stream<Path> tree = Files.walk(root)) {
                tree.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
            Files.writeString(root, "not a directory");

            Reply ready = api.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text()).contains("not ready").contains("storage is not writable");
            assertThat(api.get("/healthz").status()).isEqualTo(200);
        }
    }
}
