package dev.berth.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every storage driver does, written as its specification. A driver module extends this
 * class, says how to make its driver, and passes every test here.
 *
 * <p>Each test gets a fresh Vert.x and a fresh, empty store.
 */
public abstract class StorageDriverContract {
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    protected Vertx vertx;
    protected StorageDriver driver;

    /** A driver over an empty store. */
    protected abstract StorageDriver createDriver(Vertx vertx) throws Exception;

    /** Releases what {@link #createDriver} set up; the driver is closed already. */
    protected void destroyDriver() throws Exception {}

    @BeforeEach
    void startDriver() throws Exception {
        vertx = Vertx.vertx();
        driver = createDriver(vertx);
    }

    @AfterEach
    void stopDriver() throws Exception {
        try {
            Await.result(driver.close());
            destroyDriver();
        } finally {
            Await.result(vertx.close());
        }
    }

    @Test
    @DisplayName("has a short name for logs and metrics")
    void hasName() {
        assertThat(driver.name()).isNotBlank();
    }

    @Nested
    @DisplayName("whole files")
    class WholeFiles {

        @Test
        @DisplayName("read returns exactly what write stored")
        void writeThenRead() {
            Buffer content = TestContent.bytes(10_000, 1);
            Await.result(driver.write("a/file", content));
            assertThat(Await.result(driver.read("a/file"))).isEqualTo(content);
        }

        @Test
        @DisplayName("an ephemeral write stores, replaces and creates parents as write does")
        void ephemeralWrite() {
            Await.result(driver.writeEphemeral("session/deep/state", text("a longer first state")));
            Await.result(driver.writeEphemeral("session/deep/state", text("second")));
            assertThat(read("session/deep/state")).isEqualTo("second");
            assertThat(Await.result(driver.list("session/deep"))).containsExactly("state");
        }

        @Test
        @DisplayName("write creates missing parent directories")
        void writeCreatesParents() {
            Await.result(driver.write("deep/er/and/deeper/file", text("x")));
            assertThat(read("deep/er/and/deeper/file")).isEqualTo("x");
        }

        @Test
        @DisplayName("write replaces the whole previous content, even a longer one")
        void writeReplaces() {
            put("file", "a much longer first version");
            put("file", "short");
            assertThat(read("file")).isEqualTo("short");
        }

        @Test
        @DisplayName("an empty file reads back empty")
        void emptyFile() {
            Await.result(driver.write("empty", Buffer.buffer()));
            assertThat(Await.result(driver.read("empty")).length()).isZero();
        }

        @Test
        @DisplayName("read of a missing path fails with PathNotFoundException")
        void readMissing() {
            assertNotFound(driver.read("no/such/file"), "no/such/file");
        }

        @Test
        @DisplayName("readers see the old content or the new, never a mix, while a file is rewritten")
        void writeIsAtomic() {
            Buffer first = filled(1 << 20, 'a');
            Buffer second = filled(1 << 20, 'b');
            Await.result(driver.write("contested", first));
            List<Future<Void>> writes = new ArrayList<>();
            List<Future<Buffer>> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writes.add(driver.write("contested", i % 2 == 0 ? second : first));
                reads.add(driver.read("contested"));
                reads.add(driver.read("contested"));
            }
            Await.result(Future.all(writes));
            for (Future<Buffer> read : reads) {
                Buffer seen = Await.result(read);
                assertThat(seen.equals(first) || seen.equals(second))
                        .as("a read saw one whole version")
                        .isTrue();
            }
        }

        @Test
        @DisplayName("writes of distinct files may run concurrently")
        void concurrentWrites() {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                writes.add(driver.write("many/file-" + i, TestContent.bytes(4096, i)));
            }
            Await.result(Future.all(writes));
            for (int i = 0; i < 50; i++) {
                assertThat(Await.result(driver.read("many/file-" + i))).isEqualTo(TestContent.bytes(4096, i));
            }
        }
    }

    @Nested
    @DisplayName("ranged reads")
    class RangedReads {

        @BeforeEach
        void digits() {
            put("digits", "0123456789");
        }

        @Test
        @DisplayName("a negative length streams the whole file")
        void wholeFile() {
            assertThat(stream("digits", 0, -1)).isEqualTo("0123456789");
        }

        @Test
        @DisplayName("offset and length select that many bytes from that offset")
        void range() {
            assertThat(stream("digits", 3, 4)).isEqualTo("3456");
        }

        @Test
        @DisplayName("an offset with a negative length streams to the end")
        void toTheEnd() {
            assertThat(stream("digits", 7, -1)).isEqualTo("789");
        }

        @Test
        @DisplayName("a length past the end stops at the end")
        void lengthPastEnd() {
            assertThat(stream("digits", 8, 100)).isEqualTo("89");
        }

        @Test
        @DisplayName("an offset at or past the end gives an empty stream that ends")
        void offsetPastEnd() {
            assertThat(stream("digits", 10, -1)).isEmpty();
            assertThat(stream("digits", 1000, 5)).isEmpty();
        }

        @Test
        @DisplayName("a zero length gives an empty stream that ends")
        void zeroLength() {
            assertThat(stream("digits", 2, 0)).isEmpty();
        }

        @Test
        @DisplayName("an empty file gives an empty stream that ends")
        void emptyFile() {
            Await.result(driver.write("empty", Buffer.buffer()));
            assertThat(stream("empty", 0, -1)).isEmpty();
        }

        @Test
        @DisplayName("a negative offset fails with IllegalArgumentException")
        void negativeOffset() {
            assertThat(Await.failure(driver.readStream("digits", -1, -1))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a missing path fails with PathNotFoundException")
        void missing() {
            assertNotFound(driver.readStream("no/such/file", 0, -1), "no/such/file");
        }

        @Test
        @DisplayName("a large file streams in order to a reader that pauses after every buffer")
        void pausingReader() {
            Buffer content = TestContent.bytes(3 << 20, 7);
            Await.result(driver.write("large", content));
            Buffer streamed = Await.result(
                    driver.readStream("large", 0, -1).compose(stream -> Streams.collectPausing(vertx, stream)));
            assertThat(streamed).isEqualTo(content);
        }
    }

    @Nested
    @DisplayName("stat")
    class Stat {

        @Test
        @DisplayName("of a file gives its path, size and modification time")
        void file() {
            Instant before = Instant.now();
            put("dir/file", "12345");
            FileInfo info = Await.result(driver.stat("dir/file"));
            assertThat(info.path()).isEqualTo("dir/file");
            assertThat(info.size()).isEqualTo(5);
            assertThat(info.directory()).isFalse();
            assertThat(info.modified())
                    .isBetween(before.minus(CLOCK_TOLERANCE), Instant.now().plus(CLOCK_TOLERANCE));
        }

        @Test
        @DisplayName("of a directory that holds files says it is a directory")
        void directory() {
            put("dir/sub/file", "x");
            FileInfo info = Await.result(driver.stat("dir/sub"));
            assertThat(info.path()).isEqualTo("dir/sub");
            assertThat(info.directory()).isTrue();
        }

        @Test
        @DisplayName("of a missing path fails with PathNotFoundException")
        void missing() {
            assertNotFound(driver.stat("no/such/path"), "no/such/path");
        }
    }

    @Nested
    @DisplayName("list")
    class ListChildren {

        @Test
        @DisplayName("names the direct children of a directory, files and directories alike")
        void directChildren() {
            put("dir/one", "1");
            put("dir/two", "2");
            put("dir/sub/three", "3");
            put("dir/sub/deeper/four", "4");
            put("elsewhere/five", "5");
            assertThat(Await.result(driver.list("dir"))).containsExactlyInAnyOrder("one", "two", "sub");
        }

        @Test
        @DisplayName("of a missing directory fails with PathNotFoundException")
        void missing() {
            assertNotFound(driver.list("no/such/dir"), "no/such/dir");
        }
    }

    @Nested
    @DisplayName("move")
    class Move {

        @Test
        @DisplayName("puts the content at the target and removes the source")
        void moves() {
            put("from/file", "content");
            Await.result(driver.move("from/file", "to/file"));
            assertThat(read("to/file")).isEqualTo("content");
            assertNotFound(driver.read("from/file"), "from/file");
        }

        @Test
        @DisplayName("replaces an existing target")
        void replaces() {
            put("source", "new");
            put("target", "old and longer");
            Await.result(driver.move("source", "target"));
            assertThat(read("target")).isEqualTo("new");
        }

        @Test
        @DisplayName("creates the target's missing parent directories")
        void createsParents() {
            put("source", "x");
            Await.result(driver.move("source", "a/b/c/target"));
            assertThat(read("a/b/c/target")).isEqualTo("x");
        }

        @Test
        @DisplayName("of a missing source fails with PathNotFoundException")
        void missingSource() {
            assertNotFound(driver.move("no/such/file", "target"), "no/such/file");
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {

        @Test
        @DisplayName("removes a file")
        void file() {
            put("dir/file", "x");
            Await.result(driver.delete("dir/file"));
            assertNotFound(driver.read("dir/file"), "dir/file");
        }

        @Test
        @DisplayName("removes a whole directory tree and nothing beside it")
        void tree() {
            put("tree/a", "a");
            put("tree/sub/b", "b");
            put("tree/sub/deeper/c", "c");
            put("treeish", "sibling whose name starts alike");
            put("other/d", "d");
            Await.result(driver.delete("tree"));
            assertNotFound(driver.stat("tree"), "tree");
            assertNotFound(driver.read("tree/sub/deeper/c"), "tree/sub/deeper/c");
            assertThat(read("treeish")).isEqualTo("sibling whose name starts alike");
            assertThat(read("other/d")).isEqualTo("d");
        }

        @Test
        @DisplayName("of a missing path fails with PathNotFoundException")
        void missing() {
            assertNotFound(driver.delete("no/such/path"), "no/such/path");
        }

        @Test
        @DisplayName("of a directory's files by name removes the directory, and nothing beside it")
        void knownFiles() {
            put("session/startedat", "then");
            put("session/state", "{}");
            put("sessionish", "sibling whose name starts alike");
            Await.result(driver.deleteKnown("session", Set.of("startedat", "state")));
            assertNotFound(driver.stat("session"), "session");
            assertNotFound(driver.list("session"), "session");
            assertThat(read("sessionish")).isEqualTo("sibling whose name starts alike");
        }

        @Test
        @DisplayName("of files by name that are gone already succeeds")
        void knownFilesGone() {
            put("session/startedat", "then");
            Await.result(driver.deleteKnown("session", Set.of("startedat", "state")));
            Await.result(driver.deleteKnown("session", Set.of("startedat", "state")));
            assertNotFound(driver.stat("session"), "session");
        }
    }

    @Nested
    @DisplayName("blob writers")
    class Writers {

        @Test
        @DisplayName("make what they wrote readable at the path on commit, creating parent directories")
        void commit() {
            BlobWriter writer = Await.result(driver.writer("up/load/blob", false));
            Await.result(writer.write(text("hello, ")));
            Await.result(writer.write(text("world")));
            assertThat(writer.size()).isEqualTo(12);
            Await.result(writer.commit());
            assertThat(read("up/load/blob")).isEqualTo("hello, world");
        }

        @Test
        @DisplayName("show nothing at the path before commit, in read, stat or list")
        void invisibleBeforeCommit() {
            put("up/other", "committed");
            BlobWriter writer = Await.result(driver.writer("up/blob", false));
            Await.result(writer.write(text("pending")));
            assertNotFound(driver.read("up/blob"), "up/blob");
            assertNotFound(driver.stat("up/blob"), "up/blob");
            Await.result(writer.end());
            assertNotFound(driver.read("up/blob"), "up/blob");
            assertNotFound(driver.stat("up/blob"), "up/blob");
            assertThat(Await.result(driver.list("up"))).containsExactly("other");
        }

        @Test
        @DisplayName("leave the file already at the path alone until commit")
        void existingFileUntouched() {
            put("blob", "old");
            BlobWriter writer = Await.result(driver.writer("blob", false));
            Await.result(writer.write(text("new")));
            assertThat(read("blob")).isEqualTo("old");
            Await.result(writer.commit());
            assertThat(read("blob")).isEqualTo("new");
        }

        @Test
        @DisplayName(
                "commit to another path in one step: the content, an earlier writer's part included, replaces what is there, and nothing stays behind")
        void commitToAnotherPath() {
            put("blobs/ab/data", "old");
            BlobWriter first = Await.result(driver.writer("uploads/1/data", false));
            Await.result(first.write(text("hello, ")));
            Await.result(first.end());
            BlobWriter second = Await.result(driver.writer("uploads/1/data", true));
            Await.result(second.write(text("world")));

            Await.result(second.commitTo("blobs/ab/data"));

            assertThat(read("blobs/ab/data")).isEqualTo("hello, world");
            assertNotFound(driver.stat("uploads/1/data"), "uploads/1/data");
            assertThat(Await.result(driver.writer("uploads/1/data", true)).size())
                    .isZero();
        }

        @Test
        @DisplayName("refuse to commit to a path that breaks the rules, and keep the content for a valid commit")
        void commitToBadPath() {
            BlobWriter writer = Await.result(driver.writer("uploads/1/data", false));
            Await.result(writer.write(text("kept")));

            assertThat(Await.failure(writer.commitTo("../outside"))).isInstanceOf(IllegalArgumentException.class);

            Await.result(writer.commitTo("blobs/cd/data"));
            assertThat(read("blobs/cd/data")).isEqualTo("kept");
        }

        @Test
        @DisplayName("keep their content on end, so that an appending writer continues it and counts it in size")
        void endThenAppend() {
            BlobWriter first = Await.result(driver.writer("blob", false));
            Await.result(first.write(text("abc")));
            Await.result(first.end());

            BlobWriter second = Await.result(driver.writer("blob", true));
            assertThat(second.size()).isEqualTo(3);
            Await.result(second.write(text("defg")));
            assertThat(second.size()).isEqualTo(7);
            Await.result(second.end());

            BlobWriter third = Await.result(driver.writer("blob", true));
            assertThat(third.size()).isEqualTo(7);
            Await.result(third.write(text("h")));
            Await.result(third.commit());
            assertThat(read("blob")).isEqualTo("abcdefgh");
        }

        @Test
        @DisplayName("without append start empty, whatever an earlier writer left")
        void withoutAppendStartEmpty() {
            BlobWriter first = Await.result(driver.writer("blob", false));
            Await.result(first.write(text("stale")));
            Await.result(first.end());

            BlobWriter second = Await.result(driver.writer("blob", false));
            assertThat(second.size()).isZero();
            Await.result(second.write(text("fresh")));
            Await.result(second.commit());
            assertThat(read("blob")).isEqualTo("fresh");
        }

        @Test
        @DisplayName("with append start empty when no earlier writer left anything")
        void appendWithNothingBefore() {
            BlobWriter writer = Await.result(driver.writer("blob", true));
            assertThat(writer.size()).isZero();
            Await.result(writer.write(text("only")));
            Await.result(writer.commit());
            assertThat(read("blob")).isEqualTo("only");
        }

        @Test
        @DisplayName(
                "cut on truncate what earlier writers left back to where one of them ended, and continue from there")
        void truncateToAnEarlierEnd() {
            appendAndEnd("up/data", "kept;");
            appendAndEnd("up/data", "dropped;");
            BlobWriter writer = Await.result(driver.writer("up/data", true));
            assertThat(writer.size()).isEqualTo(13);
            Await.result(writer.truncate(5));
            assertThat(writer.size()).isEqualTo(5);
            Await.result(writer.write(text("next")));
            Await.result(writer.commit());
            assertThat(read("up/data")).isEqualTo("kept;next");
        }

        @Test
        @DisplayName("refuse to truncate after they wrote or past what they hold, and keep everything")
        void truncateRefused() {
            appendAndEnd("up/data", "held");
            BlobWriter writer = Await.result(driver.writer("up/data", true));
            assertThat(Await.failure(writer.truncate(5))).isInstanceOf(IllegalStateException.class);
            Await.result(writer.write(text("+more")));
            assertThat(Await.failure(writer.truncate(4))).isInstanceOf(IllegalStateException.class);
            Await.result(writer.commit());
            assertThat(read("up/data")).isEqualTo("held+more");
        }

        @Test
        @DisplayName("discard on cancel everything written, including what earlier writers left")
        void cancel() {
            BlobWriter first = Await.result(driver.writer("blob", false));
            Await.result(first.write(text("abc")));
            Await.result(first.end());
            BlobWriter second = Await.result(driver.writer("blob", true));
            Await.result(second.write(text("def")));
            Await.result(second.cancel());

            assertNotFound(driver.read("blob"), "blob");
            BlobWriter third = Await.result(driver.writer("blob", true));
            assertThat(third.size()).isZero();
            Await.result(third.cancel());
            assertNotFound(driver.read("blob"), "blob");
        }

        @Test
        @DisplayName("carry 20 MiB written in many buffers with backpressure, byte for byte")
        void largeContent() {
            Iterable<Buffer> content = TestContent.chunks(20L << 20, 65_521, 42);
            AtomicReference<BlobWriter> opened = new AtomicReference<>();
            Promise<Integer> pumped = Promise.promise();
            // On an event loop, as the registry writes: pumped from another thread, the writes race
            // the store's answers, and a store that answers fast enough never has to push back.
            vertx.getOrCreateContext()
                    .runOnContext(ignored -> driver.writer("large/blob", false)
                            .compose(writer -> {
                                opened.set(writer);
                                return Streams.pump(writer.setWriteQueueMaxSize(256 * 1024), content);
                            })
                            .onComplete(pumped));
            int waits = Await.result(pumped.future());
            assertThat(waits).as("times the writer pushed back").isPositive();
            assertThat(opened.get().size()).isEqualTo(20L << 20);
            Await.result(opened.get().commit());

            assertThat(Await.result(driver.stat("large/blob")).size()).isEqualTo(20L << 20);
            byte[] read = Await.result(driver.readStream("large/blob", 0, -1).compose(Streams::sha256));
            assertThat(read).isEqualTo(TestContent.sha256(content));
        }

        @Test
        @DisplayName("of distinct paths may run concurrently")
        void concurrentWriters() {
            int count = 16;
            List<Future<Void>> uploads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Iterable<Buffer> content = TestContent.chunks(1 << 20, 16_384, i);
                uploads.add(driver.writer("uploads/" + i, false)
                        .compose(writer -> Streams.pump(writer, content).compose(waits -> writer.commit())));
            }
            Await.result(Future.all(uploads));
            for (int i = 0; i < count; i++) {
                byte[] read =
                        Await.result(driver.readStream("uploads/" + i, 0, -1).compose(Streams::sha256));
                assertThat(read).isEqualTo(TestContent.sha256(TestContent.chunks(1 << 20, 16_384, i)));
            }
        }
    }

    /**
     * registry:2's layout names things by directory: a revision, a layer link, a referrer, a tag,
     * an upload session, a repository. A directory that outlives the file it held would read as a
     * thing that is gone, so every driver lets a directory exist only while something lies beneath
     * it, as S3 does by nature (issue 16: the filesystem kept a deleted manifest's revision directory,
     * and the collector kept its blobs).
     */
    @Nested
    @DisplayName("emptied directories")
    class EmptiedDirectories {
        private static final String REPO = "docker/registry/v2/repositories/team/app";
        private static final String OLD = "sha256/" + "a".repeat(64);
        private static final String KEPT = "sha256/" + "b".repeat(64);

        /** What the registry writes, what it removes, and the listing that must no longer show it. */
        record Removal(List<String> written, String removed, String listed, List<String> stillListed) {}

        static Stream<Named<Removal>> removals() {
            return Stream.of(
                    Named.of(
                            "a manifest revision, by its link",
                            new Removal(
                                    List.of(
                                            REPO + "/_manifests/revisions/" + OLD + "/link",
                                            REPO + "/_manifests/revisions/" + KEPT + "/link"),
                                    REPO + "/_manifests/revisions/" + OLD + "/link",
                                    REPO + "/_manifests/revisions/sha256",
                                    List.of("b".repeat(64)))),
                    Named.of(
                            "a layer link",
                            new Removal(
                                    List.of(REPO + "/_layers/" + OLD + "/link", REPO + "/_layers/" + KEPT + "/link"),
                                    REPO + "/_layers/" + OLD + "/link",
                                    REPO + "/_layers/sha256",
                                    List.of("b".repeat(64)))),
                    Named.of(
                            "a tag, by its tree",
                            new Removal(
                                    List.of(
                                            REPO + "/_manifests/tags/old/current/link",
                                            REPO + "/_manifests/tags/old/index/" + OLD + "/link",
                                            REPO + "/_manifests/tags/kept/current/link"),
                                    REPO + "/_manifests/tags/old",
                                    REPO + "/_manifests/tags",
                                    List.of("kept"))),
                    Named.of(
                            "the last referrer of a subject, by its directory",
                            new Removal(
                                    List.of(
                                            REPO + "/_referrers/" + OLD + "/" + KEPT + "/link",
                                            REPO + "/_referrers/" + KEPT + "/" + OLD + "/link"),
                                    REPO + "/_referrers/" + OLD + "/" + KEPT,
                                    REPO + "/_referrers/sha256",
                                    List.of("b".repeat(64)))),
                    Named.of(
                            "the last upload session of a repository, by its directory",
                            new Removal(
                                    List.of(
                                            REPO + "/_uploads/session/startedat",
                                            REPO + "/_uploads/session/berthstate",
                                            REPO + "/_layers/" + KEPT + "/link"),
                                    REPO + "/_uploads/session",
                                    REPO,
                                    List.of("_layers"))),
                    Named.of(
                            "the last manifest of a nested repository, from the catalog's walk",
                            new Removal(
                                    List.of(
                                            "docker/registry/v2/repositories/team/app/_manifests/revisions/" + OLD
                                                    + "/link",
                                            "docker/registry/v2/repositories/other/_manifests/revisions/" + KEPT
                                                    + "/link"),
                                    "docker/registry/v2/repositories/team/app/_manifests/revisions/" + OLD + "/link",
                                    "docker/registry/v2/repositories",
                                    List.of("other"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("removals")
        @DisplayName("go with the last thing beneath them, so that listing the parent no longer names them")
        void goWithTheirLastFile(Removal removal) {
            removal.written().forEach(path -> put(path, "sha256:" + "c".repeat(64)));
            Await.result(driver.delete(removal.removed()));
            assertThat(Await.result(driver.list(removal.listed())))
                    .containsExactlyInAnyOrderElementsOf(removal.stillListed());
            String emptied = removal.removed().substring(0, removal.removed().lastIndexOf('/'));
            if (!emptied.equals(removal.listed())) {
                assertNotFound(driver.stat(emptied), emptied);
            }
        }

        @Test
        @DisplayName("go when a move takes their last file away")
        void goWithAMove() {
            put(REPO + "/_uploads/session/data", "content");
            put(REPO + "/_layers/" + KEPT + "/link", "sha256:" + "b".repeat(64));
            Await.result(driver.move(REPO + "/_uploads/session/data", "docker/registry/v2/blobs/" + KEPT + "/data"));
            assertThat(Await.result(driver.list(REPO))).containsExactly("_layers");
        }

        @Test
        @DisplayName("go when a cancelled writer was all they held")
        void goWithACancelledWriter() {
            put("kept/file", "x");
            BlobWriter writer = Await.result(driver.writer("kept/new/data", false));
            Await.result(writer.write(text("partial")));
            Await.result(writer.cancel());
            assertThat(Await.result(driver.list("kept"))).containsExactly("file");
        }

        @Test
        @DisplayName("lose no file written into them while their last other file is deleted")
        void concurrentWriteKept() {
            int rounds = 100;
            for (int i = 0; i < rounds; i++) {
                put("race/" + i + "/deep/old", "old");
            }
            List<Future<?>> both = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                both.add(driver.delete("race/" + i + "/deep/old"));
                both.add(driver.write("race/" + i + "/deep/new", text("new " + i)));
            }
            Await.result(Future.all(both));
            for (int i = 0; i < rounds; i++) {
                assertThat(read("race/" + i + "/deep/new")).isEqualTo("new " + i);
            }
        }
    }

    @Nested
    @DisplayName("invalid paths")
    class InvalidPaths {

        static Stream<Named<Function<StorageDriver, Future<?>>>> callsWithInvalidPaths() {
            List<String> invalid =
                    new ArrayList<>(List.of("../x", "a/../../x", "/abs", "a//b", "a/./b", ".", "..", "a/", "", "a\\b"));
            invalid.add(null);
            return invalid.stream().flatMap(path -> {
                String shown = path == null ? "null" : '"' + path + '"';
                return Stream.of(
                        call("read(" + shown + ")", d -> d.read(path)),
                        call("write(" + shown + ")", d -> d.write(path, Buffer.buffer("x"))),
                        call("readStream(" + shown + ")", d -> d.readStream(path, 0, -1)),
                        call("stat(" + shown + ")", d -> d.stat(path)),
                        call("list(" + shown + ")", d -> d.list(path)),
                        call("move(" + shown + ", valid)", d -> d.move(path, "valid")),
                        call("move(valid, " + shown + ")", d -> d.move("valid", path)),
                        call("delete(" + shown + ")", d -> d.delete(path)),
                        call("writer(" + shown + ", false)", d -> d.writer(path, false)),
                        call("writer(" + shown + ", true)", d -> d.writer(path, true)));
            });
        }

        private static Named<Function<StorageDriver, Future<?>>> call(
                String name, Function<StorageDriver, Future<?>> call) {
            return Named.of(name, call);
        }

        @ParameterizedTest(name = "{0} fails with IllegalArgumentException")
        @MethodSource("callsWithInvalidPaths")
        @DisplayName("are rejected before any I/O, as a failed future")
        void rejected(Function<StorageDriver, Future<?>> call) {
            put("valid", "stays");
            assertThat(Await.failure(call.apply(driver))).isInstanceOf(IllegalArgumentException.class);
            assertThat(read("valid")).isEqualTo("stays");
        }
    }

    /** Leaves {@code content} after what earlier writers on {@code path} left, uncommitted. */
    private void appendAndEnd(String path, String content) {
        BlobWriter writer = Await.result(driver.writer(path, true));
        Await.result(writer.write(text(content)));
        Await.result(writer.end());
    }

    private void put(String path, String content) {
        Await.result(driver.write(path, text(content)));
    }

    private String read(String path) {
        return Await.result(driver.read(path)).toString();
    }

    private String stream(String path, long offset, long length) {
        return Await.result(driver.readStream(path, offset, length).compose(Streams::collect))
                .toString();
    }

    private static void assertNotFound(Future<?> future, String path) {
        assertThat(Await.failure(future))
                .isInstanceOf(PathNotFoundException.class)
                .extracting(failure -> ((PathNotFoundException) failure).path())
                .isEqualTo(path);
    }

    private static Buffer text(String content) {
        return Buffer.buffer(content);
    }

    private static Buffer filled(int size, char c) {
        Buffer buffer = Buffer.buffer(size);
        for (int i = 0; i < size; i++) {
            buffer.appendByte((byte) c);
        }
        return buffer;
    }
}
