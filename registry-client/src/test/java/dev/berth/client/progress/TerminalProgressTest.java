package dev.berth.client.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private static final Descriptor LAYER =
            Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.parse("sha256:" + "ab".repeat(32)), 4 * 1024 * 1024);
    private static final Descriptor CONFIG =
            Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse("sha256:" + "cd".repeat(32)), 1024 * 1024);

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final TerminalProgress progress = new TerminalProgress(
            () -> new ConsoleProgressBarConsumer(new PrintStream(screen, true, StandardCharsets.UTF_8), 160));

    @Test
    @DisplayName("draws a bar per blob named by its short digest, with MiB done of its size, and how it ended")
    void barPerBlob() {
        progress.started(LAYER, 1024 * 1024);
        progress.advanced(LAYER, 2 * 1024 * 1024);
        progress.finished(LAYER, false);
        progress.finished(CONFIG, true);

        assertThat(drawn())
                .contains("abababababab", "4/4MiB", "verified")
                .contains("cdcdcdcdcdcd", "1/1MiB", "already there");
    }

    @Test
    @DisplayName("the total bar adds up every blob, the resumed bytes and those the target already had included")
    void totalAddsUp() {
        progress.started(LAYER, 1024 * 1024);
        progress.finished(CONFIG, true);
        progress.advanced(LAYER, 3 * 1024 * 1024);
        progress.finished(LAYER, false);

        assertThat(drawn()).containsPattern("total[^\\n\\r]*5/5MiB");
    }

    private String drawn() {
        return screen.toString(StandardCharsets.UTF_8);
    }
}
