package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.disk.UnwritableDirectory;
import dev.berth.testkit.disk.UnwritableDirectory.Way;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A registry whose storage directory cannot be written refuses to start, as it does for a missing
 * bucket, instead of listening and failing every push (issue 16). Each way of making a directory
 * unwritable is its own case: root (as in CI) passes mode bits, so those cases are skipped there
 * loudly, and the mount and the immutable attribute are the ones that hold for root.
 */
@DisplayName("berth-registry serve on a storage directory it cannot write")
class UnwritableStorageStartupTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "made unwritable by {0}")
    @EnumSource(Way.class)
    @DisplayName("exits with 1 and one line naming the directory and why, before it listens")
    void refusesToStart(Way way) throws IOException {
        Path data = dir.resolve("data");
        StringWriter err = new StringWriter();
        int exit;
        try (UnwritableDirectory unwritable = UnwritableDirectory.make(data, way)) {
            exit = BerthRegistryCommand.commandLine()
                    .setErr(new PrintWriter(err, true))
                    .execute("serve", "--listen", "127.0.0.1:0", "--storage", "fs:" + data);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("berth-registry: the storage directory " + data + " is not writable (")
                .contains("fix its permissions or mount")
                .hasLineCount(1);
    }

    @ParameterizedTest(name = "made unwritable by {0}")
    @EnumSource(Way.class)
    @DisplayName("in read-only mode it starts anyway: it only serves pulls")
    void readOnlyModeStarts(Way way) throws Exception {
        Path data = dir.resolve("data");
        try (UnwritableDirectory unwritable = UnwritableDirectory.make(data, way);
                InProcessBerth server = InProcessBerth.start(data, Map.of("BERTH_READONLY_ENABLED", "true"))) {
            server.client().get("/v2/").hasStatus(200);
        }
    }
}
