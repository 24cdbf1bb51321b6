package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth-registry gc, run as a process against a stopped store")
class GcProcessTest {
    private static final byte[] ORPHAN = "a layer no manifest references".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path data;
    private Path orphan;
    private Process process;

    @BeforeEach
    void storeWithAnOldOrphan() throws Exception {
        data = dir.resolve("data");
        String encoded = Digest.sha256(ORPHAN).encoded();
        orphan = data.resolve("docker/registry/v2/blobs/sha256/" + encoded.substring(0, 2) + "/" + encoded + "/data");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, ORPHAN);
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("--dry-run says what it would free, deletes nothing, and exits 0")
    void dryRun() throws Exception {
        assertThat(run(List.of(), "gc", "--dry-run", "--storage", "fs:" + data)).isZero();

        assertThat(output()).contains("dry run: would delete 1 blobs (" + ORPHAN.length + " bytes)");
        assertThat(orphan).exists();
    }

    @Test
    @DisplayName("deletes a blob unreferenced for longer than the grace period, and exits 0")
    void collects() throws Exception {
        assertThat(run(List.of(), "gc", "--storage", "fs:" + data)).isZero();

        assertThat(output()).contains("deleted 1 blobs (" + ORPHAN.length + " bytes)");
        assertThat(orphan).doesNotExist();
    }

    @Test
    @DisplayName("keeps the blob when gc.gracePeriod from the environment is longer than its age")
    void gracePeriodFromEnvironment() throws Exception {
        assertThat(run(List.of("BERTH_GC_GRACEPERIOD=3h"), "gc", "--storage", "fs:" + data))
                .isZero();

        assertThat(output()).contains("deleted 0 blobs");
        assertThat(orphan).exists();
    }

    @Test
    @DisplayName("exits 1 and deletes nothing while another collector holds the lease")
    void busy() throws Exception {
        Path lease = data.resolve("docker/registry/v2/_berth/gc-lease");
        Files.createDirectories(lease.getParent());
        Files.writeString(
                lease,
                "{\"owner\":\"collector on host-a\",\"expires\":\""
                        + Instant.now().plusSeconds(600) + "\"}",
                StandardCharsets.UTF_8);

        assertThat(run(List.of(), "gc", "--storage", "fs:" + data)).isEqualTo(1);

        assertThat(output()).contains("another garbage collection is running (collector on host-a");
        assertThat(orphan).exists();
    }

    @Test
    @DisplayName("exits 2 on a bad duration or an unknown option")
    void badOptions() throws Exception {
        assertThat(run(List.of("BERTH_GC_GRACEPERIOD=soon"), "gc", "--storage", "fs:" + data))
                .isEqualTo(2);
        assertThat(output()).contains("gc.gracePeriod");

        assertThat(run(List.of(), "gc", "--bogus")).isEqualTo(2);
        assertThat(orphan).exists();
    }

    private int run(List<String> environment, String... args) throws Exception {
        process = RegistryProcesses.start(dir.resolve("output.txt"), environment, args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("exited within 60 s")
                .isTrue();
        return process.exitValue();
    }

    private String output() throws Exception {
        return Files.readString(dir.resolve("output.txt"));
    }
}
