package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.LayerTar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the container half of berth system prune")
class ContainerPruneIT {
    @TempDir
    Path scratch;

    @Test
    @DisplayName("removes the containers that ended and keeps the running one")
    void removesEndedOnly() {
        Prerequisites.executable("runc", "runc");
        byte[] sleep = new LayerTar()
                .directory("bin", 0755)
                .symlink("bin/sleep", "busybox")
                .toBytes();
        TestLayouts.gzipLayers(scratch.resolve("layout"), BusyboxRootfs.tar(), sleep);
        String image = scratch.resolve("layout") + ":" + TestLayouts.TAG;
        ShimProcess berth = new ShimProcess(scratch.resolve("state"));
        assertThat(berth.run("run", "--name", "ended", image, "sh", "-c", "exit 2")
                        .exitCode())
                .isEqualTo(2);
        assertThat(berth.run("run", "-d", "--name", "running", image, "sleep", "300")
                        .exitCode())
                .isZero();

        Map<String, String> environment =
                Map.of("BERTH_STATE_DIR", scratch.resolve("state").toString(), "PATH", System.getenv("PATH"));
        try {
            assertThat(ContainerPrune.removeEnded(environment)).containsExactly("ended");
            assertThat(berth.run("ps", "-a", "-q").stdout()).isEqualTo("running\n");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            berth.run("rm", "-f", "running");
        }
    }
}
