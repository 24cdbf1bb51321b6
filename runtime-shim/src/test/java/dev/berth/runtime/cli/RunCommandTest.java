package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.image.LayerTar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("berth run refuses what it cannot do before anything is started or left behind")
class RunCommandTest {
    @TempDir
    Path layout;

    @TempDir
    Path state;

    @TempDir
    Path emptyPath;

    private final StringWriter err = new StringWriter();

    @BeforeEach
    void image() {
        TestLayouts.gzipLayers(layout, new LayerTar().file("hello", "hi").toBytes());
    }

    @Test
    @DisplayName("says which runtimes it looked for and how to install them when none is on PATH")
    void noRuntime() {
        assertThat(run(emptyPath.toString(), layout.toString())).isEqualTo(125);
        assertThat(err.toString())
                .contains("no OCI runtime found: runc or crun must be on PATH", "apt-get install runc crun");
        assertThat(run(emptyPath.toString(), "--runtime", "crun", layout.toString()))
                .isEqualTo(125);
        assertThat(err.toString()).contains("crun must be on PATH");
    }

    @Test
    @DisplayName("refuses an unknown runtime, a bad -e, a bad --network and a name that is no runc id")
    void badOptions() {
        String path = System.getenv("PATH");
        assertThat(run(path, "--runtime", "docker", layout.toString())).isEqualTo(125);
        assertThat(run(path, "-e", "NOVALUE", layout.toString())).isEqualTo(125);
        assertThat(run(path, "--network", "bridge", layout.toString())).isEqualTo(125);
        assertThat(run(path, "--name", "../escape", layout.toString())).isEqualTo(125);
        assertThat(err.toString())
                .contains(
                        "unknown runtime docker",
                        "-e NOVALUE: expected NAME=VALUE",
                        "--network bridge: expected none or host",
                        "invalid container name ../escape");
        assertThat(state.resolve("containers"))
                .satisfiesAnyOf(
                        containers -> assertThat(containers).doesNotExist(),
                        containers -> assertThat(containers).isEmptyDirectory());
    }

    private int run(String path, String... args) {
        RunCommand command =
                new RunCommand(ShimLauncher.NO_REGISTRY, Map.of("PATH", path, "BERTH_STATE_DIR", state.toString()));
        return new CommandLine(command).setErr(new PrintWriter(err, true)).execute(args);
    }
}
