package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth run's docker-like options reach a real container under runc")
class RunOptionsIT {
    @TempDir
    Path scratch;

    private ShimProcess berth;
    private String image;

    @BeforeEach
    void busyboxImage() {
        Prerequisites.executable("runc", "runc");
        LayerTar applets = new LayerTar().directory("bin", 0755);
        for (String applet : new String[] {"sleep", "id", "mount", "grep"}) {
            applets.symlink("bin/" + applet, "busybox");
        }
        TestLayouts.gzipLayers(scratch.resolve("layout"), BusyboxRootfs.tar(), applets.toBytes());
        image = scratch.resolve("layout") + ":" + TestLayouts.TAG;
        berth = new ShimProcess(scratch.resolve("state"));
    }

    @Test
    @DisplayName("-v binds a host directory the container reads and writes, and :ro makes it read-only")
    void bindMount() throws IOException {
        Path shared = Files.createDirectories(scratch.resolve("shared"));
        Files.writeString(shared.resolve("from-host"), "written by the host\n");
        CommandResult rw = run(
                "-v",
                shared + ":/data",
                image,
                "sh",
                "-c",
                "cat /data/from-host; echo written inside > /data/from-box");
        assertThat(rw.exitCode()).as(rw.describe()).isZero();
        assertThat(rw.stdout()).isEqualTo("written by the host\n");
        assertThat(shared.resolve("from-box")).hasContent("written inside");

        CommandResult ro = run("-v", shared + ":/data:ro", image, "sh", "-c", "echo no > /data/refused");
        assertThat(ro.exitCode()).as(ro.describe()).isNotZero();
        assertThat(ro.stderr()).contains("Read-only file system");
        assertThat(shared.resolve("refused")).doesNotExist();
    }

    @Test
    @DisplayName("a --memory limit kills a process that outgrows it, and berth exits 137 as docker does")
    void memoryLimit() {
        CommandResult hog =
                run("--memory", "16m", image, "sh", "-c", "a=0123456789abcdef; while true; do a=\"$a$a\"; done");
        assertThat(hog.exitCode()).as(hog.describe()).isEqualTo(137);
        CommandResult modest = run("--memory", "16m", "--cpus", "0.5", image, "sh", "-c", "echo fits");
        assertThat(modest.exitCode()).as(modest.describe()).isZero();
        assertThat(modest.stdout()).isEqualTo("fits\n");
    }

    @Test
    @DisplayName("--pids-limit stops a fork bomb at the limit")
    void pidsLimit() {
        CommandResult forks = run(
                "--pids-limit", "4", image, "sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 30 & done; echo spawned");
        assertThat(forks.stderr()).contains("can't fork");
    }

    @Test
    @DisplayName("-u, --entrypoint, --env-file, --tmpfs and -i reach the process")
    void processOptions() throws IOException {
        Path envFile = scratch.resolve("env");
        Files.writeString(envFile, "# a comment\nFROM_FILE=yes\n\nOVERRIDDEN=file\n");
        CommandResult user = run(
                "-u",
                "nobody",
                "--env-file",
                envFile.toString(),
                "-e",
                "OVERRIDDEN=flag",
                "--tmpfs",
                "/scratch",
                image,
                "sh",
                "-c",
                "id -u; echo $FROM_FILE $OVERRIDDEN; grep ' /scratch ' /proc/mounts | cut -d' ' -f3");
        assertThat(user.exitCode()).as(user.describe()).isZero();
        assertThat(user.stdout()).isEqualTo("65534\nyes flag\ntmpfs\n");
        assertThat(berth.run("run", "--rm", "--entrypoint", "/bin/echo", image, "from", "echo")
                        .stdout())
                .isEqualTo("from echo\n");

        Path input = scratch.resolve("input");
        Files.writeString(input, "piped in\n");
        assertThat(berth.runWithStdin(input, "run", "--rm", "-i", image, "cat").stdout())
                .isEqualTo("piped in\n");
        assertThat(berth.runWithStdin(input, "run", "--rm", image, "cat").stdout())
                .as("without -i the container reads /dev/null, as with docker")
                .isEmpty();
    }

    private CommandResult run(String... args) {
        String[] argv = new String[args.length + 2];
        argv[0] = "run";
        argv[1] = "--rm";
        System.arraycopy(args, 0, argv, 2, args.length);
        return berth.run(argv);
    }
}
