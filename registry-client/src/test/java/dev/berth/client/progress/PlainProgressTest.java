package dev.berth.client.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlainProgressTest {

    @Test
    @DisplayName("logs a line when a blob starts (with where it resumes) and one when it is verified, no escape codes")
    void logsLines() {
        Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.parse("sha256:" + "12".repeat(32)), 2048);
        StringWriter out = new StringWriter();
        PlainProgress progress = new PlainProgress(new PrintWriter(out));
        progress.started(layer, 1024);
        progress.advanced(layer, 1024);
        progress.finished(layer, false);

        assertThat(out.toString())
                .isEqualTo("121212121212: copying 2.0 KiB (resuming at 1.0 KiB)\n" + "121212121212: done, verified\n");
    }
}
