package dev.berth.client.layout;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("an OCI layout written by berth")
class OciLayoutTest {
    private static final byte[] CONTENT = "the content of a layer, long enough to split".getBytes(StandardCharsets.UTF_8);
    private static final Descriptor BLOB = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(CONTENT), CONTENT.length);

    @TempDir
    Path dir;

    @Test
    @DisplayName("is created with oci-layout and an empty index.json")
    void created() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        assertThat(dir.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(layout.entries()).isEmpty();
    }

    @Test
    @DisplayName("resumes a blob from the partial file an interrupted run left, and verifies the whole")
    void resumesAcrossRuns() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        VerifiedBlobWriter first = layout.writer(BLOB);
        assertThatThrownBy(() -> first.append(new FailingAfter(CONTENT, 10), n -> { })).isInstanceOf(IOException.class);

        VerifiedBlobWriter second = OciLayout.open(dir).writer(BLOB);
        assertThat(second.written()).isEqualTo(10);
        second.append(new ByteArrayInputStream(CONTENT, 10, CONTENT.length - 10), n -> { });
        second.commit();

        assertThat(layout.has(BLOB)).isTrue();
        assertThat(Files.readAllBytes(layout.blobPath(BLOB.digest()))).isEqualTo(CONTENT);
    }

    @Test
    @DisplayName("refuses content that does not match the digest, and keeps nothing of it")
    void refusesMismatch() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        byte[] tampered = CONTENT.clone();
        tampered[3] ^= 1;
        VerifiedBlobWriter writer = layout.writer(BLOB);
        writer.append(new ByteArrayInputStream(tampered), n -> { });

        assertThatThrownBy(writer::commit).isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(FailureKind.VERIFICATION));
        assertThat(layout.has(BLOB)).isFalse();
        assertThat(Files.list(dir.resolve(OciLayout.PARTIAL_DIR))).isEmpty();
    }

    @Test
    @DisplayName("stops at once when more bytes arrive than the descriptor's size")
    void refusesOversize() {
        OciLayout layout = OciLayout.create(dir);
        byte[] longer = (new String(CONTENT, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);
        VerifiedBlobWriter writer = layout.writer(BLOB);
        assertThatThrownBy(() -> writer.append(new ByteArrayInputStream(longer), n -> { }))
                .hasMessageContaining("more than the expected");
        assertThat(layout.has(BLOB)).isFalse();
    }

    @Test
    @DisplayName("replaces the index entry that had the same ref name and keeps the others")
    void tagsReplace() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor a = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[] {1}), 1);
        Descriptor b = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[] {2}), 1);
        layout.tag(a, "one");
        layout.tag(a, "two");
        layout.tag(b, "one");
        assertThat(layout.find("one").digest()).isEqualTo(b.digest());
        assertThat(layout.find("two").digest()).isEqualTo(a.digest());
        assertThat(layout.entries()).hasSize(2);
    }

    /** Delivers {@code limit} bytes, then fails as a dropped connection does. */
    private static final class FailingAfter extends InputStream {
        private final byte[] content;
        private final int limit;
        private int position;

        FailingAfter(byte[] content, int limit) {
            this.content = content;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            if (position >= limit) {
                throw new IOException("connection reset");
            }
            return content[position++] & 0xff;
        }
    }
}
