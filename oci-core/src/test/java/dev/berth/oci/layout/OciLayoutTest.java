package dev.berth.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.ContentMismatchException;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.VerifyingInputStream;
import dev.berth.oci.layout.LayoutException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading an OCI image layout")
class OciLayoutTest {
    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            ThrowingCallable reading, Reason reason) {
        return assertThatThrownBy(reading)
                .isInstanceOf(LayoutException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }

    @Nested
    @DisplayName("opening a directory")
    class Opening {
        @Test
        @DisplayName(
                "opens a directory with an oci-layout file of version 1.0.0 and an index.json, and lists the index's entries")
        void opensALayout() {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor image = files.image("v1");

            OciLayout layout = OciLayout.open(dir);

            assertThat(layout.dir()).isEqualTo(dir);
            assertThat(layout.entries()).extracting(Descriptor::digest).containsExactly(image.digest());
        }

        @Test
        @DisplayName("opens a layout whose index.json has no entries yet, as berth's writer creates one")
        void opensAnEmptyLayout() {
            LayoutFiles.create(dir);
            assertThat(OciLayout.open(dir).entries()).isEmpty();
        }

        @Test
        @DisplayName("refuses a directory without an oci-layout file, naming the directory")
        void refusesAPlainDirectory() throws IOException {
            Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");

            assertThat(OciLayout.isMarked(dir)).isFalse();
            assertRefused(() -> OciLayout.open(dir), Reason.NOT_A_LAYOUT)
                    .hasMessageContaining(dir + " is not an OCI image layout")
                    .hasMessageContaining("no oci-layout file");
        }

        @Test
        @DisplayName(
                "refuses a directory with an oci-layout file but no index.json, which image-layout.md requires:"
                        + " it is marked as a layout, so the refusal names index.json rather than treating it as no layout at all")
        void refusesALayoutWithoutIndex() throws IOException {
            LayoutFiles.create(dir);
            Files.delete(dir.resolve("index.json"));

            assertThat(OciLayout.isMarked(dir)).isTrue();
            assertRefused(() -> OciLayout.open(dir), Reason.NOT_A_LAYOUT)
                    .hasMessageContaining(dir + " is not an OCI image layout")
                    .hasMessageContaining("no index.json");
        }

        @Test
        @DisplayName("refuses an oci-layout file of another imageLayoutVersion, without one, or that is not JSON")
        void refusesOtherVersions() {
            LayoutFiles.create(dir);
            for (String marker : List.of(
                    "{\"imageLayoutVersion\":\"2.0.0\"}", "{\"imageLayoutVersion\":1}", "{}", "[]", "", "not json")) {
                LayoutFiles.write(dir.resolve("oci-layout"), marker);
                assertRefused(() -> OciLayout.open(dir), Reason.NOT_A_LAYOUT)
                        .as(marker)
                        .hasMessageContaining(dir + " is not an OCI image layout")
                        .hasMessageContaining("oci-layout file");
            }
        }

        @Test
        @DisplayName("refuses an index.json that is no image index, naming the file")
        void refusesAnInvalidIndex() {
            LayoutFiles.create(dir);
            LayoutFiles.write(dir.resolve("index.json"), "{\"schemaVersion\":2}");

            assertRefused(() -> OciLayout.open(dir).entries(), Reason.NOT_A_LAYOUT)
                    .hasMessageContaining(dir.resolve("index.json") + " is no valid image index");
        }
    }

    @Nested
    @DisplayName("finding an image")
    class Finding {
        @Test
        @DisplayName("finds the entry whose org.opencontainers.image.ref.name annotation is the tag")
        void byTag() {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor one = files.image("one");
            Descriptor two = files.image("two");

            OciLayout layout = OciLayout.open(dir);

            assertThat(layout.find("one").digest()).isEqualTo(one.digest());
            assertThat(layout.find("two").digest()).isEqualTo(two.digest());
        }

        @Test
        @DisplayName("takes the only entry when no tag is given, tagged or not")
        void theOnlyOne() {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor untagged = files.manifest("untagged");
            files.tag(untagged, null);

            assertThat(OciLayout.open(dir).find(null).digest()).isEqualTo(untagged.digest());
            assertThat(OciLayout.open(dir).find("").digest()).isEqualTo(untagged.digest());
        }

        @Test
        @DisplayName("says which tags the layout has when the tag asked for is not there")
        void unknownTag() {
            LayoutFiles files = LayoutFiles.create(dir);
            files.image("subject");
            Descriptor untagged = files.manifest("untagged");
            files.tag(untagged, null);

            assertRefused(() -> OciLayout.open(dir).find("latest"), Reason.NOT_FOUND)
                    .hasMessageContaining("the layout " + dir + " has no image tagged latest")
                    .hasMessageContaining("tags: subject, " + untagged.digest());
        }

        @Test
        @DisplayName("asks for a tag when the layout holds several images, and says so when it holds none")
        void noTagGiven() {
            LayoutFiles files = LayoutFiles.create(dir);
            assertRefused(() -> OciLayout.open(dir).find(null), Reason.NOT_FOUND)
                    .hasMessageContaining("holds no image");

            files.image("a");
            files.image("b");
            assertRefused(() -> OciLayout.open(dir).find(null), Reason.AMBIGUOUS)
                    .hasMessageContaining("holds 2 images")
                    .hasMessageContaining("tags: a, b");
        }

        @Test
        @DisplayName("reads the manifest an entry points at by its digest, and the manifests an index lists by theirs")
        void manifestsByDigest() {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor image = files.manifest("linux/amd64");
            Descriptor index = files.blob(
                    MediaTypes.OCI_INDEX,
                    "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX
                            + "\",\"manifests\":[{\"mediaType\":\"" + image.mediaType() + "\",\"digest\":\""
                            + image.digest()
                            + "\",\"size\":" + image.size() + "}]}");
            files.tag(index, "multi");
            OciLayout layout = OciLayout.open(dir);

            Manifest read = layout.readManifest(layout.find("multi"));
            Manifest child = layout.readManifest(read.manifests().get(0));

            assertThat(read.isIndex()).isTrue();
            assertThat(child.layers()).hasSize(1);
            assertThat(layout.readSmallBlob(child.layers().get(0)))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("linux/amd64");
        }
    }

    @Nested
    @DisplayName("reading blobs")
    class Blobs {
        @Test
        @DisplayName("streams a blob that matches its descriptor to its end")
        void streamsAVerifiedBlob() throws IOException {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor layer = files.blob(MediaTypes.OCI_LAYER_TAR, "layer content");

            try (VerifyingInputStream in = OciLayout.open(dir).openBlob(layer)) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("layer content");
            }
        }

        @Test
        @DisplayName("fails the read that reaches the end of a blob whose bytes do not match its digest,"
                + " after passing on the bytes before it")
        void alteredBlobFailsWhileStreaming() throws IOException {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor layer = files.blob(MediaTypes.OCI_LAYER_TAR, "original");
            LayoutFiles.write(files.blobFile(layer), "0riginal");

            try (VerifyingInputStream in = OciLayout.open(dir).openBlob(layer)) {
                assertThat(in.readNBytes(8)).asString(StandardCharsets.UTF_8).isEqualTo("0riginal");
                assertThatThrownBy(in::read)
                        .isInstanceOf(ContentMismatchException.class)
                        .hasMessageContaining("blob " + layer.digest() + " has digest "
                                + Digest.sha256("0riginal".getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Test
        @DisplayName("refuses a manifest or config whose bytes do not match its digest, naming the blob and the layout")
        void alteredSmallBlob() throws IOException {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor manifest = files.image("v1");
            Path blob = files.blobFile(manifest);
            LayoutFiles.write(blob, Files.readString(blob).replace("\"schemaVersion\":2", "\"schemaVersion\":3"));
            OciLayout layout = OciLayout.open(dir);

            assertRefused(() -> layout.readManifest(layout.find("v1")), Reason.INVALID_CONTENT)
                    .hasMessageContaining("blob " + manifest.digest() + " has digest")
                    .hasMessageContaining(dir.toString());
        }

        @Test
        @DisplayName(
                "refuses to read whole a blob whose descriptor declares more than a manifest may have, before reading it")
        void oversizedSmallBlob() {
            LayoutFiles.create(dir);
            Descriptor huge = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[0]), 4L * 1024 * 1024 + 1);

            assertRefused(() -> OciLayout.open(dir).readSmallBlob(huge), Reason.INVALID_CONTENT)
                    .hasMessageContaining("declares 4194305 bytes");
        }

        @Test
        @DisplayName("says which blob is missing and from which layout, whichever way it is read")
        void missingBlob() {
            LayoutFiles.create(dir);
            Descriptor absent = Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.sha256(new byte[] {1}), 1);
            OciLayout layout = OciLayout.open(dir);
            String message = "blob " + absent.digest() + " is missing from the layout " + dir;

            assertRefused(() -> layout.openBlob(absent), Reason.NOT_FOUND).hasMessage(message);
            assertRefused(() -> layout.readSmallBlob(absent), Reason.NOT_FOUND).hasMessage(message);
            assertRefused(() -> layout.openUnverified(absent.digest(), 0), Reason.NOT_FOUND)
                    .hasMessage(message);
        }

        @Test
        @DisplayName(
                "hands a copy the bytes from an offset on, as a resumed transfer asks for them, at the spec's blob path")
        void unverifiedFromAnOffset() throws IOException {
            LayoutFiles files = LayoutFiles.create(dir);
            Descriptor layer = files.blob(MediaTypes.OCI_LAYER_TAR, "0123456789");
            OciLayout layout = OciLayout.open(dir);

            try (InputStream in = layout.openUnverified(layer.digest(), 4)) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("456789");
            }
            assertThat(layout.blobPath(layer.digest()))
                    .isEqualTo(dir.resolve("blobs/sha256/" + layer.digest().encoded()));
        }
    }
}
