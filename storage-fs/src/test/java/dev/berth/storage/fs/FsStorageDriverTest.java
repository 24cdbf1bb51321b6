package dev.berth.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.StorageDriverContract;
import dev.berth.storage.testkit.Streams;
import dev.berth.storage.testkit.TestContent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("filesystem driver")
class FsStorageDriverTest extends StorageDriverContract {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Override
    protected StorageDriver createDriver(Vertx vertx) {
        return new FsStorageDriver(vertx, root);
    }

    @Test
    @DisplayName("is called \"filesystem\"")
    void name() {
        assertThat(driver.name()).isEqualTo("filesystem");
    }

    @Nested
    @DisplayName("on disk")
    class OnDisk {

        @Test
        @DisplayName("stores each path as the same relative file under the root, as registry:2 does")
        void layout() throws IOException {
            Await.result(driver.write(
                    "docker/registry/v2/repositories/app/_layers/sha256/ab/link", Buffer.buffer("sha256:ab")));
            assertThat(Files.readString(root.resolve("docker/registry/v2/repositories/app/_layers/sha256/ab/link")))
                    .isEqualTo("sha256:ab");
        }

        @Test
        @DisplayName("serves files it did not write itself")
        void readsForeignFiles() throws IOException {
            Files.createDirectories(root.resolve("docker/registry/v2"));
            Files.writeString(root.resolve("docker/registry/v2/file"), "from registry:2");
            assertThat(Await.result(driver.read("docker/registry/v2/file")).toString())
                    .isEqualTo("from registry:2");
        }

        @Test
        @DisplayName("leaves no temporary file behind after whole-file writes")
        void noTempFiles() throws IOException {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writes.add(driver.write("dir/file", TestContent.bytes(1000, i)));
            }
            Await.result(Future.all(writes));
            assertThat(namesUnder(root)).containsExactlyInAnyOrder("dir", "file");
        }

        @Test
        @DisplayName("keeps an ended writer's content in a hidden file that list does not show")
        void partialHidden() throws IOException {
            BlobWriter writer = Await.result(driver.writer("up/data", false));
            Await.result(writer.write(Buffer.buffer("half")));
            Await.result(writer.end());
            assertThat(namesUnder(root.resolve("up")))
                    .singleElement()
                    .asString()
                    .startsWith(".berth-");
            assertThat(Await.result(driver.list("up"))).isEmpty();
        }

        @Test
        @DisplayName("removes the hidden file on commit and on cancel")
        void partialRemoved() throws IOException {
            BlobWriter committed = Await.result(driver.writer("up/data", false));
            Await.result(committed.write(Buffer.buffer("whole")));
            Await.result(committed.commit());
            assertThat(namesUnder(root.resolve("up"))).containsExactly("data");

            BlobWriter cancelled = Await.result(driver.writer("up/other", false));
            Await.result(cancelled.write(Buffer.buffer("never mind")));
            Await.result(cancelled.cancel());
            assertThat(namesUnder(root.resolve("up"))).containsExactly("data");
        }

        @Test
        @DisplayName("takes 768 KiB of writes in flight before it reports itself full, so that receiving a push"
                + " need not wait for its writes")
        void roomForLargeBuffers() throws IOException {
            BlobWriter writer = Await.result(driver.writer("up/data", false));
            Buffer content = TestContent.bytes(3 * 256 * 1024, 17);
            List<Future<Void>> writes = new ArrayList<>();
            for (int offset = 0; offset < content.length(); offset += 256 * 1024) {
                writes.add(writer.write(content.slice(offset, offset + 256 * 1024)));
            }
            // Asked at once, while the writes are still in flight: with Vert.x's default of 128 KiB
            // the file is full from the first buffer until its write finishes.
            assertThat(writer.writeQueueFull()).isFalse();
            writes.forEach(Await::result);
            Await.result(writer.commit());
            assertThat(Files.readAllBytes(root.resolve("up/data"))).isEqualTo(content.getBytes());
        }

        @Test
        @DisplayName("writes a blob of several early-sync intervals whole, the syncs running beside the writes")
        void syncedWhileWritten() throws IOException {
            BlobWriter writer = Await.result(driver.writer("up/data", false));
            Buffer piece = TestContent.bytes(1 << 20, 23);
            long pieces = 2 * EarlySync.EVERY / piece.length() + 3;
            for (int i = 0; i < pieces; i++) {
                Await.result(writer.write(piece));
            }
            Await.result(writer.commit());
            assertThat(Files.size(root.resolve("up/data"))).isEqualTo(pieces * piece.length());
        }

        @Test
        @DisplayName("gives the local file of a path for zero-copy sending")
        void localFile() {
            assertThat(driver.localFile("a/b")).contains(root.resolve("a/b"));
        }
    }

    @Nested
    @DisplayName("confinement")
    class Confinement {

        @Test
        @DisplayName("rejects storage paths that name the driver's own hidden files")
        void reservedNames() {
            assertThat(Await.failure(driver.read("up/.berth-partial-data")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Await.failure(driver.write(".berth-tmp-1/x", Buffer.buffer("x"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("gives no local file outside the root")
        void localFileConfined() {
            assertThatIllegalArgumentException().isThrownBy(() -> driver.localFile("../escape"));
            assertThatIllegalArgumentException().isThrownBy(() -> driver.localFile("/etc/passwd"));
        }

        @Test
        @DisplayName("writing over a symbolic link replaces the link, not the file it points to")
        void writeOverLink() throws IOException {
            Path target = Files.writeString(outside.resolve("precious"), "untouched");
            Files.createSymbolicLink(root.resolve("link"), target);
            Await.result(driver.write("link", Buffer.buffer("new")));
            assertThat(Files.readString(target)).isEqualTo("untouched");
            assertThat(Files.isSymbolicLink(root.resolve("link"))).isFalse();
        }

        @Test
        @DisplayName("deleting a tree leaves nothing behind, hidden or not, and keeps the root")
        void deleteTreeCompletely() throws IOException {
            Await.result(driver.write("repo/_manifests/tags/latest/current/link", Buffer.buffer("sha256:ab")));
            Await.result(driver.delete("repo/_manifests/tags/latest"));
            assertThat(namesUnder(root)).isEmpty();
            assertThat(root).isDirectory();
        }

        @Test
        @DisplayName("a directory that is a symbolic link onto another disk stays when its last file goes")
        void emptiedLinkedDirectoryKept() throws IOException {
            Files.createDirectories(root.resolve("docker/registry/v2"));
            Files.createSymbolicLink(root.resolve("docker/registry/v2/blobs"), outside);
            Await.result(driver.write("docker/registry/v2/blobs/sha256/ab/data", Buffer.buffer("x")));
            Await.result(driver.delete("docker/registry/v2/blobs/sha256/ab/data"));
            assertThat(root.resolve("docker/registry/v2/blobs")).isSymbolicLink();
            assertThat(outside).isDirectory();
        }

        @Test
        @DisplayName("deleting a tree removes a symbolic link in it, not what it points to")
        void deleteThroughLink() throws IOException {
            Path precious = Files.writeString(outside.resolve("precious"), "untouched");
            Files.createDirectories(root.resolve("tree"));
            Files.createSymbolicLink(root.resolve("tree/link"), outside);
            Await.result(driver.delete("tree"));
            assertThat(precious).hasContent("untouched");
            assertThat(root.resolve("tree")).doesNotExist();
        }
    }

    @Nested
    @DisplayName("file handles")
    class FileHandles {

        @Test
        @DisplayName("are released when a stream ends")
        void releasedAtEnd() {
            Await.result(driver.write("blob", TestContent.bytes(100_000, 1)));
            long before = openFiles();
            for (int i = 0; i < 50; i++) {
                Await.result(driver.readStream("blob", 0, -1).compose(Streams::collect));
            }
            assertThat(openFiles()).isLessThan(before + 10);
        }

        @Test
        @DisplayName("are released when the reader removes its data handler before the end")
        void releasedWhenAbandoned() {
            Await.result(driver.write("blob", TestContent.bytes(4 << 20, 1)));
            long before = openFiles();
            for (int i = 0; i < 50; i++) {
                Await.result(driver.readStream("blob", 0, -1).compose(stream -> {
                    Promise<Void> abandoned = Promise.promise();
                    stream.handler(first -> {
                        stream.handler(null);
                        abandoned.tryComplete();
                    });
                    return abandoned.future();
                }));
            }
            assertThat(openFiles()).isLessThan(before + 10);
        }

        private long openFiles() {
            assumeTrue(Files.isDirectory(OPEN_FILES), "needs /proc to count open files");
            try (Stream<Path> fds = Files.list(OPEN_FILES)) {
                return fds.count();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every name in a directory tree, the driver's hidden files included. */
    private static List<String> namesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> !file.equals(dir))
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
    }
}
