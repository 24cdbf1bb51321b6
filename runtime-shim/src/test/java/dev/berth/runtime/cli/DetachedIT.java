package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("berth run -d, and logs, exec, stop, start, kill and ps for the detached container, with runc")
class DetachedIT {
    @TempDir
    Path scratch;

    private ShimProcess berth;
    private String image;

    @BeforeEach
    void busyboxImage() {
        Prerequisites.executable("runc", "runc");
        byte[] sleep = new LayerTar()
                .directory("bin", 0755)
                .symlink("bin/sleep", "busybox")
                .toBytes();
        TestLayouts.gzipLayers(scratch.resolve("layout"), BusyboxRootfs.tar(), sleep);
        image = scratch.resolve("layout") + ":" + TestLayouts.TAG;
        berth = new ShimProcess(scratch.resolve("state"));
    }

    @AfterEach
    void removeContainers() {
        if (berth != null) {
            berth.removeAll();
        }
    }

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"runc", "crun"})
    @DisplayName("runs in the background, prints its name, and keeps stdout and stderr for logs, --tail and -f")
    void logs(String runtime) {
        Prerequisites.executable(runtime, runtime);
        CommandResult run = berth.run(
                HostCgroups.workaroundFor(runtime),
                "run",
                "-d",
                "--runtime",
                runtime,
                "--name",
                "talker",
                image,
                "sh",
                "-c",
                "echo one; echo two >&2; echo three; sleep 1; echo four");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("talker\n");

        // The runtime copies stdout and stderr through pipes of their own: within each the order
        // holds, between them it may not.
        CommandResult followed = berth.run("logs", "-f", "talker");
        assertThat(followed.exitCode()).as(followed.describe()).isZero();
        assertThat(followed.stdout().lines()).containsExactlyInAnyOrder("one", "two", "three", "four");
        assertThat(followed.stdout().lines().filter(line -> !line.equals("two")))
                .containsExactly("one", "three", "four");
        assertThat(berth.run("logs", "--tail", "1", "talker").stdout()).isEqualTo("four\n");
        assertThat(berth.run("logs", "talker").stdout()).isEqualTo(followed.stdout());
        assertThat(awaitStatus("talker", status -> status.contains("exited")))
                .containsPattern("talker\\s+exited 0\\s+" + runtime);
    }

    @Test
    @DisplayName("exec runs a command in the running container with its environment; stop sends TERM and records"
            + " the exit status the container chose; start runs it again; kill sends SIGKILL")
    void execStopStartKill() {
        CommandResult run = berth.run(
                "run",
                "-d",
                "--name",
                "server",
                "-e",
                "GREETING=hi",
                image,
                "sh",
                "-c",
                "trap 'echo got TERM; exit 3' TERM; echo ready; while true; do sleep 1; done");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        awaitLog("server", "ready");
        assertThat(berth.run("ps").stdout()).containsPattern("server\\s+running\\s+runc");
        assertThat(berth.run("ps", "-q").stdout()).isEqualTo("server\n");

        CommandResult exec = berth.run("exec", "server", "sh", "-c", "echo $GREETING from $(pwd); exit 5");
        assertThat(exec.exitCode()).as(exec.describe()).isEqualTo(5);
        assertThat(exec.stdout()).isEqualTo("hi from /\n");
        CommandResult missing = berth.run("exec", "server", "no-such-command");
        assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(127);
        assertThat(missing.stderr()).contains("no-such-command: executable file not found in $PATH in the container");
        assertThat(berth.run("exec", "server", "/etc").exitCode()).isEqualTo(126);

        CommandResult stop = berth.run("stop", "-t", "30", "server");
        assertThat(stop.exitCode()).as(stop.describe()).isZero();
        assertThat(stop.stdout()).isEqualTo("server\n");
        assertThat(berth.run("ps", "-a").stdout()).containsPattern("server\\s+exited 3\\s+runc");
        assertThat(berth.run("ps").stdout()).doesNotContain("server");
        assertThat(berth.run("logs", "server").stdout()).contains("ready\n", "got TERM\n");
        assertThat(berth.run("exec", "server", "true").stderr()).contains("server is exited 3, not running");

        CommandResult start = berth.run("start", "server");
        assertThat(start.exitCode()).as(start.describe()).isZero();
        assertThat(berth.run("ps").stdout()).containsPattern("server\\s+running");
        assertThat(berth.run("kill", "server").exitCode()).isZero();
        assertThat(awaitStatus("server", status -> status.contains("exited"))).contains("exited 137");

        assertThat(berth.run("rm", "server").stdout()).isEqualTo("server\n");
        assertThat(berth.run("ps", "-a").stdout()).doesNotContain("server");
    }

    @Test
    @DisplayName("stop kills a container that ignores SIGTERM once the grace time is over, and records 137")
    void stopKillsAfterGraceTime() {
        CommandResult run =
                berth.run("run", "-d", "--name", "stubborn", image, "sh", "-c", "trap '' TERM; echo ready; sleep 1000");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        awaitLog("stubborn", "ready");
        assertThat(berth.run("stop", "-t", "1", "stubborn").exitCode()).isZero();
        assertThat(berth.run("ps", "-a").stdout()).containsPattern("stubborn\\s+exited 137");
    }

    @Test
    @DisplayName(
            "with --rm the detached container is removed when it ends; logs of a foreground container says why there are none")
    void detachedRemove() {
        CommandResult run = berth.run("run", "-d", "--rm", "--name", "brief", image, "sh", "-c", "sleep 1");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        awaitStatus("brief", status -> !status.contains("brief"));
        assertThat(scratch.resolve("state/containers/brief")).doesNotExist();

        assertThat(berth.run("run", "--name", "fg", image, "sh", "-c", "exit 0").exitCode())
                .isZero();
        CommandResult logs = berth.run("logs", "fg");
        assertThat(logs.exitCode()).isEqualTo(125);
        assertThat(logs.stderr()).contains("fg has no log: it ran in the foreground");
    }

    /** berth ps -a's output once it satisfies {@code done}; the container's own pace decides when. */
    private String awaitStatus(String name, Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String ps = berth.run("ps", "-a").stdout();
        while (!done.test(ps)) {
            assertThat(System.nanoTime()).as(name + " never got there: " + ps).isLessThan(deadline);
            sleep();
            ps = berth.run("ps", "-a").stdout();
        }
        return ps;
    }

    private void awaitLog(String name, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!berth.run("logs", name).stdout().contains(text)) {
            assertThat(System.nanoTime()).as(name + " never wrote " + text).isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
