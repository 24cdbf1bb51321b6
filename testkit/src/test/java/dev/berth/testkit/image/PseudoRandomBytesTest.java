package dev.berth.testkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The large-blob test hashes a blob in one pass and sends it in another: both must see the same bytes. */
@DisplayName("pseudo-random test blobs")
class PseudoRandomBytesTest {

    private static final int LENGTH = 100_003;

    @Test
    @DisplayName("give the same bytes for the same seed, however the stream is read")
    void sameBytesWhateverTheReadSizes() {
        byte[] inChunks = new PseudoRandomBytes(42, LENGTH).readChunk(LENGTH);
        assertThat(readInRandomPieces(new PseudoRandomBytes(42, LENGTH))).isEqualTo(inChunks);
        assertThat(PseudoRandomBytes.digestOf(42, LENGTH))
                .isEqualTo(Digest.sha256(inChunks).toString());
    }

    @Test
    @DisplayName("end after exactly the requested length, and differ between seeds")
    void exactLengthAndSeedDependent() {
        assertThat(readInRandomPieces(new PseudoRandomBytes(1, LENGTH)))
                .hasSize(LENGTH)
                .isNotEqualTo(readInRandomPieces(new PseudoRandomBytes(2, LENGTH)));
    }

    private static byte[] readInRandomPieces(PseudoRandomBytes stream) {
        SplittableRandom sizes = new SplittableRandom(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[20_000];
        for (int n; (n = stream.read(buffer, 0, 1 + sizes.nextInt(buffer.length))) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
