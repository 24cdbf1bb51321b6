package dev.berth.runtime.runner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the host's cgroup layout, as the runtimes see it")
class HostCgroupsTest {
    @TempDir
    Path cgroups;

    @Test
    @DisplayName("refuses crun, naming runc, on a hybrid host whose v2 tree holds controllers; runc is fine there")
    void hybridWithControllers() throws IOException {
        Files.createDirectories(cgroups.resolve("unified"));
        Files.writeString(cgroups.resolve("unified/cgroup.controllers"), "hugetlb\n");
        HostCgroups host = new HostCgroups(cgroups);
        assertThatThrownBy(() -> host.requireRunnable("crun"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cgroups in hybrid mode not supported")
                .hasMessageEndingWith("use --runtime runc");
        assertThatCode(() -> host.requireRunnable("runc")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("lets crun run on a pure v1 host, and on a hybrid one whose v2 tree holds no controller")
    void otherLayouts() throws IOException {
        assertThatCode(() -> new HostCgroups(cgroups).requireRunnable("crun")).doesNotThrowAnyException();
        Files.createDirectories(cgroups.resolve("unified"));
        Files.writeString(cgroups.resolve("unified/cgroup.controllers"), "\n");
        assertThatCode(() -> new HostCgroups(cgroups).requireRunnable("crun")).doesNotThrowAnyException();
    }
}
