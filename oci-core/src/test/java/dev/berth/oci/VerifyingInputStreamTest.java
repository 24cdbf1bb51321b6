package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A verifying stream of a blob")
class VerifyingInputStreamTest {
    private static final byte[] CONTENT = "the bytes a descriptor promised".getBytes(StandardCharsets.UTF_8);
    private static final Descriptor EXPECTED =
            Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.sha256(CONTENT), CONTENT.length);

    @Test
    @DisplayName("passes on content of the descriptor's size and digest, and ends normally")
    void passesMatchingContent() throws IOException {
        try (VerifyingInputStream in = stream(CONTENT)) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("fails the read that goes past the descriptor's size, however the rest would hash")
    void failsPastTheSize() throws IOException {
        byte[] longer = (new String(CONTENT, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);
        try (VerifyingInputStream in = stream(longer)) {
            assertThat(in.readNBytes(CONTENT.length)).isEqualTo(CONTENT);
            assertThatThrownBy(in::read)
                    .isInstanceOf(ContentMismatchException.class)
                    .hasMessageContaining("longer than the " + CONTENT.length + " bytes");
        }
    }

    @Test
    @DisplayName("fails at the end when the content is shorter than the descriptor's size")
    void failsShortContent() {
        byte[] shorter = new byte[CONTENT.length - 1];
        System.arraycopy(CONTENT, 0, shorter, 0, shorter.length);
        assertThatThrownBy(() -> stream(shorter).readAllBytes())
                .isInstanceOf(ContentMismatchException.class)
                .hasMessageContaining("has " + shorter.length + " bytes, its descriptor declares " + CONTENT.length);
    }

    @Test
    @DisplayName("checks the digest of content its reader stopped reading early, when asked to drain it")
    void drainsAndVerifies() throws IOException {
        byte[] altered = CONTENT.clone();
        altered[altered.length - 1] ^= 1;
        try (VerifyingInputStream in = stream(altered)) {
            in.readNBytes(4);
            assertThatThrownBy(in::drainAndVerify)
                    .isInstanceOf(ContentMismatchException.class)
                    .hasMessageContaining("has digest " + Digest.sha256(altered));
        }
    }

    private static VerifyingInputStream stream(byte[] content) {
        return new VerifyingInputStream(new ByteArrayInputStream(content), EXPECTED);
    }
}
