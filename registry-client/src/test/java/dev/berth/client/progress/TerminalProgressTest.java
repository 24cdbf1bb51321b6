package dev.berth.client.progress;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressTest {
    private static final Descriptor LAYER = Descriptor.of(MediaTypes.OCI_LAYER_GZIP,
            Digest.parse("sha256:" + "ab".repeat(32)), 4 * 1024 * 1024);
    private static final Descriptor CONFIG = Descriptor.of(MediaTypes.OCI_CONFIG,
            Digest.parse("sha256:" + "cd".repeat(32)), 1024);

    @Test
    @DisplayName("draws one line per blob with bytes, rate and ETA, and a total line, redrawn in place")
    void drawsLinesPerBlob() {
        StringWriter out = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(out));
        progress.started(LAYER, 1024 * 1024);
        progress.finished(CONFIG, true);

        String screen = out.toString();
        assertThat(screen).contains("abababababab  1.0 MiB / 4.0 MiB", "/s  ETA")
                .contains("cdcdcdcdcdcd  already there (1.0 KiB)")
                .contains("total         1.0 MiB / 4.0 MiB")
                .contains("\u001b[2F");
    }
}
