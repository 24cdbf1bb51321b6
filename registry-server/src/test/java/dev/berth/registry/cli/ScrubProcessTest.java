package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth-registry scrub, run as a process")
class ScrubProcessTest {
    private static final byte[] STORED = "a layer as it was pushed".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path data;
    private Path blob;
    private String encoded;
    private Process process;

    @BeforeEach
    void storeWithOneBlob() throws Exception {
        data = dir.resolve("data");
        encoded = Digest.sha256(STORED).encoded();
        blob = data.resolve("docker/registry/v2/blobs/sha256/" + encoded.substring(0, 2) + "/" + encoded + "/data");
        Files.createDirectories(blob.getParent());
        Files.write(blob, STORED);
    }

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("exits 0 on a store whose blobs match their digests")
    void clean() throws Exception {
        assertThat(run("scrub", "--storage", "fs:" + data)).isZero();

        assertThat(output()).contains("1 blobs re-hashed, 0 corrupt, 0 dangling links");
    }

    @Test
    @DisplayName("exits 3 naming a blob with a flipped bit; with --repair moves it to the quarantine and exits 0")
    void corruptBlob() throws Exception {
        byte[] flipped = STORED.clone();
        flipped[3] ^= 0x20;
        Files.write(blob, flipped);

        assertThat(run("scrub", "--storage", "fs:" + data)).isEqualTo(ScrubCommand.PROBLEMS_FOUND);
        assertThat(output()).contains("corrupt blob sha256:" + encoded);
        assertThat(blob).exists();

        assertThat(run("scrub", "--repair", "--storage", "fs:" + data)).isZero();
        assertThat(output()).contains("quarantined blob sha256:" + encoded);
        assertThat(blob).doesNotExist();
        assertThat(data.resolve("docker/registry/v2/_berth/quarantine/sha256/" + encoded))
                .hasBinaryContent(flipped);
    }

    private int run(String... args) throws Exception {
        process = RegistryProcesses.start(dir.resolve("output.txt"), List.of(), args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("exited within 60 s")
                .isTrue();
        return process.exitValue();
    }

    private String output() throws Exception {
        return Files.readString(dir.resolve("output.txt"));
    }
}
