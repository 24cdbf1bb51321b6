package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.LaunchException;
import dev.berth.registry.config.FilesystemStorageConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A command's job over a store (gc, scrub)")
class StoreTaskTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("runs on an event loop, as it does in the server, though the command calls it from its main thread")
    void runsOnAnEventLoop() throws Exception {
        boolean onEventLoop = StoreTask.run(
                new FilesystemStorageConfig(data),
                "probe",
                (vertx, driver) -> Future.succeededFuture(Context.isOnEventLoopThread()));

        assertThat(onEventLoop).isTrue();
    }

    @Test
    @DisplayName("a job that throws ends the command with what it threw, rather than never")
    void jobThatThrows() {
        assertThatThrownBy(() -> StoreTask.run(new FilesystemStorageConfig(data), "probe", (vertx, driver) -> {
                    throw new IllegalStateException("no such thing");
                }))
                .isInstanceOf(LaunchException.class)
                .hasMessage("probe failed: no such thing");
    }
}
