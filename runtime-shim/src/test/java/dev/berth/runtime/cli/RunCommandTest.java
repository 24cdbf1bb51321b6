package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        TestLayouts.gzipLayers(
                layout,
                BusyboxRootfs.tar(),
                new LayerTar()
                        .file("hello", "hi")
                        .file("bin/not-executable", 0644, "echo never".getBytes())
                        .toBytes());
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
        assertNothingLeft();
    }

    @Test
    @DisplayName("answers an unknown option or a missing value with one line and status 125, not the usage text and 2")
    void unknownOptionOneLine() {
        String path = System.getenv("PATH");
        assertThat(run(path, "--no-such-option", layout.toString())).isEqualTo(125);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .contains("berth run: Unknown option: '--no-such-option'", "berth run --help");
        err.getBuffer().setLength(0);
        assertThat(run(path, "--name")).isEqualTo(125);
        assertThat(err.toString().lines()).hasSize(1);
        assertNothingLeft();
    }

    @Test
    @DisplayName("exits 127 when the command is not in the image and 126 when it is not executable, as docker does")
    void commandNotRunnable() {
        String path = System.getenv("PATH");
        Prerequisites.executable("runc", "runc");
        assertThat(run(path, "--runtime", "runc", layout.toString(), "no-such-command"))
                .isEqualTo(127);
        assertThat(run(path, "--runtime", "runc", layout.toString(), "/bin/no-such-command", "-x"))
                .isEqualTo(127);
        assertThat(run(path, "--runtime", "runc", layout.toString(), "not-executable"))
                .isEqualTo(126);
        assertThat(run(path, "--runtime", "runc", layout.toString(), "/etc")).isEqualTo(126);
        assertThat(err.toString())
                .contains(
                        "no-such-command: executable file not found in $PATH",
                        "/bin/no-such-command: executable file not found",
                        "not-executable: permission denied");
        assertNothingLeft();
    }

    @Test
    @DisplayName("refuses -p with the package to install when slirp4netns is not on PATH, and -p with --network host")
    void publishNeedsSlirp() throws IOException {
        Path runc = Prerequisites.executable("runc", "runc");
        Files.createSymbolicLink(emptyPath.resolve("runc"), runc);
        assertThat(run(emptyPath.toString(), "-p", "8080:80", layout.toString(), "true"))
                .isEqualTo(125);
        assertThat(err.toString()).contains("-p needs slirp4netns on PATH", "apt-get install slirp4netns");
        assertThat(run(System.getenv("PATH"), "-p", "8080:80", "--network", "host", layout.toString(), "true"))
                .isEqualTo(125);
        assertThat(err.toString()).contains("-p needs the container's own network namespace");
        assertThat(run(System.getenv("PATH"), "-p", "80", layout.toString(), "true"))
                .isEqualTo(125);
        assertThat(err.toString()).contains("-p 80: expected [HOST_IP:]HOST_PORT:CONTAINER_PORT");
        assertNothingLeft();
    }

    @Test
    @DisplayName("refuses crun on a host whose hybrid cgroups crun cannot work with, as its own error naming runc")
    void crunOnHybridHost() {
        Prerequisites.executable("crun", "crun");
        Assumptions.assumeTrue(
                HostCgroups.hybrid(), "this host's cgroups are not hybrid: crun runs here (RunIT shows it)");
        assertThat(run(System.getenv("PATH"), "--runtime", "crun", layout.toString(), "true"))
                .isEqualTo(125);
        assertThat(err.toString())
                .startsWith("berth: crun cannot run containers on this host: its cgroups are hybrid")
                .contains("use --runtime runc");
        assertNothingLeft();
    }

    private void assertNothingLeft() {
        assertThat(state.resolve("containers"))
                .satisfiesAnyOf(
                        containers -> assertThat(containers).doesNotExist(),
                        containers -> assertThat(containers).isEmptyDirectory());
    }

    private int run(String path, String... args) {
        List<String> argv = new ArrayList<>(List.of("run"));
        argv.addAll(List.of(args));
        return ShimLauncher.commandLine(Map.of("PATH", path, "BERTH_STATE_DIR", state.toString()))
                .setErr(new PrintWriter(err, true))
                .execute(argv.toArray(String[]::new));
    }
}
