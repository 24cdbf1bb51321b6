package dev.berth.client.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.layout.LayoutException;
import dev.berth.oci.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("an OCI layout written by berth")
class LayoutWriterTest {
    private static final byte[] CONTENT =
            "the content of a layer, long enough to split".getBytes(StandardCharsets.UTF_8);
    private static final Descriptor BLOB =
            Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(CONTENT), CONTENT.length);

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "is created with oci-layout and an empty index.json in an empty directory, or one that does not exist yet")
    void created() throws IOException {
        for (Path root : List.of(dir, dir.resolve("new/layout"))) {
            LayoutWriter layout = LayoutWriter.create(root);
            assertThat(root.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
            assertThat(layout.layout().entries()).isEmpty();
            assertThat(OciLayout.open(root).entries()).isEmpty();
        }
    }

    @Test
    @DisplayName("writes its files readable by everyone (0644), as other tools and users copy from it")
    void filesAreWorldReadable() throws IOException {
        LayoutWriter layout = LayoutWriter.create(dir);
        layout.put(BLOB, CONTENT);
        layout.writeIfAbsent(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(new byte[3]), 3), writer -> {
            try {
                writer.append(new ByteArrayInputStream(new byte[3]), bytes -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.commit();
        });
        layout.tag(BLOB, "v1", true);

        for (Path file : List.of(
                dir.resolve("oci-layout"),
                dir.resolve("index.json"),
                layout.layout().blobPath(BLOB.digest()),
                layout.layout().blobPath(Digest.sha256(new byte[3])))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    @DisplayName("refuses to give a name to an image when another image has it, unless told to replace it")
    void nameTakenByAnotherImage() {
        LayoutWriter layout = LayoutWriter.create(dir);
        layout.put(BLOB, CONTENT);
        Descriptor otherBlob = image(layout, 3);
        layout.tag(BLOB, "1.0", false);
        layout.tag(BLOB, "1.0", false);

        assertThatThrownBy(() -> layout.tag(otherBlob, "1.0", false))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.USAGE))
                .hasMessageContaining("already has 1.0 for another image (" + BLOB.digest() + ")")
                .hasMessageContaining("--force");
        assertThat(OciLayout.open(dir).find("1.0").digest()).isEqualTo(BLOB.digest());

        layout.tag(otherBlob, "1.0", true);
        assertThat(OciLayout.open(dir).find("1.0").digest()).isEqualTo(otherBlob.digest());
    }

    @Test
    @DisplayName("completes a directory with oci-layout but no index.json yet, as another berth creating the layout"
            + " at that moment leaves it, and keeps an index.json that is there")
    void completesAHalfCreatedLayout() throws IOException {
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        LayoutWriter first = LayoutWriter.create(dir);
        first.put(BLOB, CONTENT);
        first.tag(BLOB, "kept", true);

        assertThat(LayoutWriter.create(dir).layout().find("kept").digest()).isEqualTo(BLOB.digest());
    }

    @Test
    @DisplayName("refuses to write into a directory whose oci-layout declares another version")
    void refusesAnotherVersion() throws IOException {
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
        assertThatThrownBy(() -> LayoutWriter.create(dir))
                .isInstanceOf(LayoutException.class)
                .hasMessageContaining(dir + " is not an OCI image layout");
    }

    @Test
    @DisplayName("resumes a blob from the partial file an interrupted run left, and verifies the whole")
    void resumesAcrossRuns() throws IOException {
        LayoutWriter layout = LayoutWriter.create(dir);
        assertThatThrownBy(() -> layout.writeIfAbsent(BLOB, writer -> append(writer, new FailingAfter(CONTENT, 10))))
                .hasRootCauseMessage("connection reset");

        boolean written = LayoutWriter.create(dir).writeIfAbsent(BLOB, writer -> {
            assertThat(writer.written()).isEqualTo(10);
            append(writer, new ByteArrayInputStream(CONTENT, 10, CONTENT.length - 10));
            writer.commit();
        });

        assertThat(written).isTrue();
        assertThat(layout.has(BLOB)).isTrue();
        assertThat(Files.readAllBytes(layout.layout().blobPath(BLOB.digest()))).isEqualTo(CONTENT);
        assertThat(Files.list(dir.resolve(LayoutWriter.PARTIAL_DIR))).isEmpty();
    }

    @Test
    @DisplayName("writes a blob once: a writer that finds it in place is not called")
    void writesOnce() {
        LayoutWriter layout = LayoutWriter.create(dir);
        assertThat(layout.writeIfAbsent(BLOB, LayoutWriterTest::writeWhole)).isTrue();

        assertThat(layout.writeIfAbsent(BLOB, writer -> {
                    throw new AssertionError("called for a blob in place");
                }))
                .isFalse();
    }

    @Test
    @DisplayName("a second writer of the same blob waits for the first, then finds the blob in place")
    void secondWriterWaits() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first =
                    threads.submit(() -> LayoutWriter.create(dir).writeIfAbsent(BLOB, writer -> {
                        firstWriting.countDown();
                        await(mayFinish);
                        writeWhole(writer);
                    }));
            await(firstWriting);
            Future<Boolean> second =
                    threads.submit(() -> LayoutWriter.create(dir).writeIfAbsent(BLOB, writer -> {
                        throw new AssertionError("a second writer wrote while the first held the blob");
                    }));
            mayFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("refuses content that does not match the digest, and keeps nothing of it")
    void refusesMismatch() throws IOException {
        LayoutWriter layout = LayoutWriter.create(dir);
        byte[] tampered = CONTENT.clone();
        tampered[3] ^= 1;

        assertThatThrownBy(() -> layout.writeIfAbsent(BLOB, writer -> {
                    append(writer, new ByteArrayInputStream(tampered));
                    writer.commit();
                }))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(FailureKind.VERIFICATION));
        assertThat(layout.has(BLOB)).isFalse();
        assertThat(Files.list(dir.resolve(LayoutWriter.PARTIAL_DIR))).isEmpty();
    }

    @Test
    @DisplayName("stops at once when more bytes arrive than the descriptor's size")
    void refusesOversize() {
        LayoutWriter layout = LayoutWriter.create(dir);
        byte[] longer = (new String(CONTENT, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> layout.writeIfAbsent(BLOB, writer -> append(writer, new ByteArrayInputStream(longer))))
                .hasMessageContaining("more than the expected");
        assertThat(layout.has(BLOB)).isFalse();
    }

    @Test
    @DisplayName("keeps every entry when several threads tag at once")
    void concurrentTags() throws Exception {
        LayoutWriter layout = LayoutWriter.create(dir);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tagged = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Descriptor manifest = image(layout, i);
                String name = "tag-" + i;
                // A layout object each, as separate processes have.
                tagged.add(threads.submit(() -> LayoutWriter.create(dir).tag(manifest, name, true)));
            }
            for (Future<?> done : tagged) {
                done.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(OciLayout.open(dir).entries()).hasSize(40);
    }

    @Test
    @DisplayName("replaces the index entry that had the same ref name and keeps the others")
    void tagsReplace() {
        LayoutWriter layout = LayoutWriter.create(dir);
        Descriptor a = image(layout, 1);
        Descriptor b = image(layout, 2);
        layout.tag(a, "one", true);
        layout.tag(a, "two", true);
        layout.tag(b, "one", true);
        assertThat(layout.layout().find("one").digest()).isEqualTo(b.digest());
        assertThat(layout.layout().find("two").digest()).isEqualTo(a.digest());
        assertThat(layout.layout().entries()).hasSize(2);
    }

    @Test
    @DisplayName("refuses to tag an image whose blobs are not all there (a prune removed one while it was written)")
    void refusesIncompleteImage() throws IOException {
        LayoutWriter layout = LayoutWriter.create(dir);
        Descriptor image = image(layout, 4);
        Files.delete(layout.layout()
                .blobPath(layout.layout().readManifest(image).config().digest()));

        assertThatThrownBy(() -> layout.tag(image, "v1", true)).hasMessageContaining("write the image again");
        assertThat(layout.layout().entries()).isEmpty();
    }

    /** A small image manifest (and its config) put into the layout, different for each {@code n}. */
    private static Descriptor image(LayoutWriter layout, int n) {
        byte[] config = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
        Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length);
        layout.put(configDescriptor, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                        + "\",\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\""
                        + configDescriptor.digest() + "\",\"size\":" + config.length + "},\"layers\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        Descriptor descriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(manifest), manifest.length);
        layout.put(descriptor, manifest);
        return descriptor;
    }

    private static void writeWhole(VerifiedBlobWriter writer) {
        append(writer, new ByteArrayInputStream(CONTENT));
        writer.commit();
    }

    private static void append(VerifiedBlobWriter writer, InputStream content) {
        try {
            writer.append(content, n -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
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
