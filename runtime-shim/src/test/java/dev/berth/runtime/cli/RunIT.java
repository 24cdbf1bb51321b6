package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("berth run starts a layout's image with a real OCI runtime")
class RunIT {
    @TempDir
    Path scratch;

    private String image;
    private Path state;

    @BeforeEach
    void busyboxImage() {
        byte[] sleep = new LayerTar()
                .directory("bin", 0755)
                .symlink("bin/sleep", "busybox")
                .toBytes();
        TestLayouts.gzipLayers(scratch.resolve("layout"), BusyboxRootfs.tar(), sleep);
        image = scratch.resolve("layout") + ":" + TestLayouts.TAG;
        state = scratch.resolve("state");
    }

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"runc", "crun"})
    @DisplayName("prints what the command prints and returns its exit code")
    void exitCodeAndOutput(String runtime) {
        Prerequisites.executable(runtime, runtime);
        CommandResult result = berth(
                HostCgroups.workaroundFor(runtime),
                "run",
                "--rm",
                "--runtime",
                runtime,
                image,
                "--",
                "sh",
                "-c",
                "echo hello from the container; echo to stderr >&2; exit 3");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("hello from the container\n");
        assertThat(result.stderr()).contains("to stderr");
        assertThat(state.resolve("containers")).isEmptyDirectory();
    }

    @Test
    @DisplayName("takes everything after the image as the command, options included, without a --, as docker run does")
    void commandWithoutDashes() {
        Prerequisites.executable("runc", "runc");
        CommandResult result = berth("run", "--rm", "--runtime", "runc", image, "ls", "-la", "/bin/sleep");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("/bin/sleep -> busybox");
    }

    @Test
    @DisplayName("passes -e, -w and --hostname to the process, and keeps the container for ps and rm without --rm")
    void optionsPsAndRm() {
        Prerequisites.executable("runc", "runc");
        CommandResult run = berth(
                "run",
                "--runtime",
                "runc",
                "--name",
                "kept-by-a-name-longer-than-twenty",
                "-e",
                "GREETING=hi",
                "-w",
                "/tmp",
                "--hostname",
                "box",
                "--read-only",
                image,
                "--",
                "sh",
                "-c",
                "echo $GREETING; pwd; cat /proc/sys/kernel/hostname");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("hi\n/tmp\nbox\n");

        CommandResult ps = berth("ps", "-a");
        assertThat(ps.stdout()).containsPattern("kept-by-a-name-longer-than-twenty\\s+exited 0\\s+runc");
        List<String> table = ps.stdout().lines().toList();
        assertThat(table).hasSize(2);
        for (String column : List.of("STATUS", "RUNTIME", "CREATED", "IMAGE")) {
            int at = table.get(0).indexOf(column);
            assertThat(table.get(1).charAt(at - 1)).as(column + " aligned").isEqualTo(' ');
            assertThat(table.get(1).charAt(at)).as(column + " aligned").isNotEqualTo(' ');
        }
        assertThat(table.get(1)).endsWith("  " + image);
        assertThat(berth("rm", "kept-by-a-name-longer-than-twenty").stdout())
                .isEqualTo("kept-by-a-name-longer-than-twenty\n");
        assertThat(berth("ps", "-a").stdout()).doesNotContain("kept");
    }

    @Test
    @DisplayName("forwards SIGTERM to the container and returns the exit code it then chooses")
    void forwardsSigterm() throws Exception {
        Prerequisites.executable("runc", "runc");
        Path out = scratch.resolve("out.txt");
        Process berth = launcher(
                        "run",
                        "--rm",
                        "--runtime",
                        "runc",
                        image,
                        "--",
                        "sh",
                        "-c",
                        "trap 'echo got TERM; exit 7' TERM; echo ready; while true; do sleep 1; done")
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(out) || !Files.readString(out).contains("ready")) {
            assertThat(System.nanoTime()).as("the container never said ready").isLessThan(deadline);
            Thread.sleep(100);
        }
        berth.destroy();
        assertThat(berth.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(berth.exitValue()).isEqualTo(7);
        assertThat(Files.readString(out)).contains("got TERM");
    }

    @Test
    @DisplayName("with -t gives the process a terminal, which script(1) provides berth here")
    void terminal() {
        Prerequisites.executable("runc", "runc");
        Path script = Prerequisites.executable("script", "bsdutils");
        String berth = launcherArgv(
                        "run",
                        "--rm",
                        "--runtime",
                        "runc",
                        "-t",
                        image,
                        "--",
                        "sh",
                        "-c",
                        "test -t 0 && test -t 1 && echo on a terminal; echo TERM=$TERM; exit 4")
                .stream()
                .map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        CommandResult result = Command.of(script.toString(), "--quiet", "--return", "--command", berth, "/dev/null")
                .env("BERTH_STATE_DIR", state.toString())
                .timeout(Duration.ofMinutes(2))
                .run();
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
        assertThat(result.stdout()).contains("on a terminal", "TERM=xterm");
    }

    @Test
    @DisplayName("refuses -t when berth has no terminal")
    void terminalNeeded() {
        CommandResult result = berth("run", "--rm", "-t", image, "--", "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).contains("-t needs");
    }

    @Test
    @DisplayName("says clearly when the image argument is neither a layout nor fetchable")
    void unknownImage() {
        CommandResult result =
                berth("run", "--rm", scratch.resolve("nothing-here").toString());
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).contains("no OCI layout");
    }

    private CommandResult berth(String... args) {
        return new ShimProcess(state).run(args);
    }

    private CommandResult berth(List<String> wrapper, String... args) {
        return new ShimProcess(state).run(wrapper, args);
    }

    private ProcessBuilder launcher(String... args) {
        return new ShimProcess(state).builder(args);
    }

    private static List<String> launcherArgv(String... args) {
        return ShimProcess.argv(args);
    }
}
