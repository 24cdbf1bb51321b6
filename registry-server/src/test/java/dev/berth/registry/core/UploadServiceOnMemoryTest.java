package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.storage.memory.Hold;
import dev.berth.storage.memory.Operation;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.TestContent;
import dev.berth.storage.testkit.VertxPerClass;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads when storage fails midway: what the client is told, what it can do next, what becomes visible. */
@DisplayName("uploads on failing storage")
class UploadServiceOnMemoryTest {
    private static final String REPOSITORY = "library/app";
    private static final Buffer FIRST = TestContent.bytes(100_000, 1);
    private static final Buffer SECOND = TestContent.bytes(70_000, 2);
    private static final Buffer WHOLE = FIRST.copy().appendBuffer(SECOND);
    private static final Digest DIGEST = Digest.sha256(WHOLE.getBytes());

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private CoreOnMemory core;
    private UploadService uploads;

    @BeforeEach
    void emptyStore() {
        core = new CoreOnMemory(VERTX.get(), Clock.systemUTC());
        uploads = core.registry.uploads();
    }

    @Test
    @DisplayName(
            "a chunk whose storage write fails leaves the session where it stood, and sent again it completes the blob with the right digest")
    void resumesAfterFailedChunk() {
        String id = startWith(FIRST);
        core.driver.faults().failNext(Operation.APPEND, uploadData(id), new IOException("disk full"));

        assertThat(core.failure(() -> uploads.append(REPOSITORY, id, (long) FIRST.length(), core.body(SECOND))))
                .hasRootCauseMessage("disk full");
        assertThat(offset(id)).isEqualTo(FIRST.length());

        core.await(() -> uploads.append(REPOSITORY, id, (long) FIRST.length(), core.body(SECOND)));
        CompletedBlob blob = core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));

        assertThat(blob.digest()).isEqualTo(DIGEST);
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    /**
     * The hash already took in the whole chunk and cannot go back to what storage holds, so the
     * data goes back to the state saved before the chunk (issue 16: the session was refused with
     * BLOB_UPLOAD_INVALID while its status still reported the offset from before the chunk).
     */
    @Test
    @DisplayName(
            "a chunk that fails after part of it was stored (a full disk) is cut off again: the session stands where it"
                    + " stood, holds no more, and sent again the chunk completes the blob")
    void partlyStoredChunk() {
        String id = startWith(FIRST);
        core.driver.faults().failWritesAfter(uploadData(id), SECOND.length() / 2, new IOException("disk full"));

        assertThat(core.failure(() -> uploads.append(REPOSITORY, id, (long) FIRST.length(), core.body(SECOND))))
                .hasRootCauseMessage("disk full");
        assertThat(offset(id)).isEqualTo(FIRST.length());
        assertThat(heldBy(id)).as("bytes the session's data holds").isEqualTo(FIRST.length());

        CompletedBlob blob = core.await(
                () -> uploads.complete(REPOSITORY, id, DIGEST.toString(), (long) FIRST.length(), core.body(SECOND)));
        assertThat(blob.digest()).isEqualTo(DIGEST);
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    @Test
    @DisplayName("a session whose data holds more than its saved state (a cut that failed too) is cut back on its next"
            + " request and continues")
    void cutBackOnNextRequest() {
        String id = startWith(FIRST);
        core.driver.faults().failWritesAfter(uploadData(id), SECOND.length() / 2, new IOException("disk full"));
        core.driver.faults().failNext(Operation.TRUNCATE, uploadData(id), new IOException("still full"));

        core.failure(() -> uploads.append(REPOSITORY, id, (long) FIRST.length(), core.body(SECOND)));
        assertThat(heldBy(id)).isGreaterThan(FIRST.length());

        core.await(() -> uploads.append(REPOSITORY, id, (long) FIRST.length(), core.body(SECOND)));
        core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    @Test
    @DisplayName(
            "a final chunk that fails after part of it was stored leaves the session resumable, and nothing visible")
    void partlyStoredFinalChunk() {
        String id = startWith(FIRST);
        core.driver.faults().failWritesAfter(uploadData(id), SECOND.length() / 2, new IOException("disk full"));

        core.failure(
                () -> uploads.complete(REPOSITORY, id, DIGEST.toString(), (long) FIRST.length(), core.body(SECOND)));
        assertThat(core.stored(RegistryLayout.blobDir(DIGEST))).isFalse();
        assertThat(offset(id)).isEqualTo(FIRST.length());

        core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), (long) FIRST.length(), core.body(SECOND)));
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    @Test
    @DisplayName("while every write fails, blobs already stored are still served")
    void pullsWhileWritesFail() {
        Digest stored = core.upload(REPOSITORY, WHOLE);
        for (Operation write : new Operation[] {Operation.WRITE, Operation.APPEND, Operation.OPEN_WRITER}) {
            core.driver.faults().failAlways(write, "docker", new IOException("No space left on device"));
        }

        assertThat(core.failure(() -> uploads.start(REPOSITORY))).hasRootCauseMessage("No space left on device");
        assertThat(core.blob(REPOSITORY, stored)).contains(WHOLE);
    }

    @Test
    @DisplayName("a monolithic upload whose digest does not match leaves no blob, no link and no session")
    void digestMismatch() {
        Digest claimed = Digest.sha256(SECOND.getBytes());

        Throwable failure = core.failure(() -> uploads.monolithic(REPOSITORY, claimed.toString(), core.body(FIRST)));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        DistributionException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_INVALID));
        Digest actual = Digest.sha256(FIRST.getBytes());
        for (Digest digest : new Digest[] {claimed, actual}) {
            assertThat(core.blob(REPOSITORY, digest)).isEmpty();
            assertThat(core.stored(RegistryLayout.blobDir(digest))).isFalse();
            assertThat(core.stored(RegistryLayout.layerLink(REPOSITORY, digest)))
                    .isFalse();
        }
        assertThat(core.stored(RegistryLayout.uploadsDir(REPOSITORY))).isFalse();
    }

    @Test
    @DisplayName(
            "a failed commit of the upload's data leaves no blob visible, and completing the session again succeeds")
    void failedCommit() {
        String id = startWith(WHOLE);
        core.driver.faults().failNext(Operation.COMMIT, uploadData(id), new IOException("I/O error"));

        assertThat(core.failure(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null)))
                .hasRootCauseMessage("I/O error");
        assertThat(core.blob(REPOSITORY, DIGEST)).isEmpty();
        assertThat(core.stored(RegistryLayout.blobDir(DIGEST))).isFalse();

        core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    /**
     * Issue 16: the committed data was where a writer continuing the session no longer found it.
     * Since issue 17 the data is committed straight to the blob's path, and what can fail after it
     * is the link.
     */
    @Test
    @DisplayName("a link that fails after the verified data was committed leaves the blob unseen in the repository, and"
            + " completing the session again links it")
    void failedLinkAfterCommit() {
        String id = startWith(WHOLE);
        core.driver
                .faults()
                .failNext(Operation.WRITE, RegistryLayout.layerLink(REPOSITORY, DIGEST), new IOException("I/O error"));

        assertThat(core.failure(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null)))
                .hasRootCauseMessage("I/O error");
        assertThat(core.blob(REPOSITORY, DIGEST)).isEmpty();
        assertThat(offset(id)).isEqualTo(WHOLE.length());

        CompletedBlob blob = core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));
        assertThat(blob.digest()).isEqualTo(DIGEST);
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
        assertThat(core.stored(RegistryLayout.uploadDir(REPOSITORY, id))).isFalse();
    }

    @Test
    @DisplayName(
            "a final chunk committed but not linked is counted in the session: sent again it is refused with where the"
                    + " upload stands, and an empty PUT completes the blob")
    void failedLinkAfterFinalChunk() {
        String id = startWith(FIRST);
        core.driver
                .faults()
                .failNext(Operation.WRITE, RegistryLayout.layerLink(REPOSITORY, DIGEST), new IOException("I/O error"));

        core.failure(
                () -> uploads.complete(REPOSITORY, id, DIGEST.toString(), (long) FIRST.length(), core.body(SECOND)));
        assertThat(offset(id)).isEqualTo(WHOLE.length());

        assertThat(core.failure(() ->
                        uploads.complete(REPOSITORY, id, DIGEST.toString(), (long) FIRST.length(), core.body(SECOND))))
                .isInstanceOf(UploadRangeException.class);
        core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    @Test
    @DisplayName(
            "while the verified data is on its way into the blob store, the repository does not serve the blob yet")
    void invisibleUntilCommitted() {
        String id = startWith(WHOLE);
        Hold commit = core.driver.faults().holdNext(Operation.COMMIT, uploadData(id));
        Future<CompletedBlob> completing =
                core.start(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));
        Await.result(commit.reached());

        assertThat(core.blob(REPOSITORY, DIGEST)).isEmpty();
        assertThat(core.stored(RegistryLayout.blobData(DIGEST))).isFalse();

        commit.release();
        Await.result(completing);
        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    @Test
    @DisplayName("the verified data goes to the blob store in one step: nothing is moved")
    void committedInPlace() {
        String id = startWith(WHOLE);
        core.driver.faults().failNext(Operation.MOVE, new IOException("a move"));

        core.await(() -> uploads.complete(REPOSITORY, id, DIGEST.toString(), null, null));

        assertThat(core.blob(REPOSITORY, DIGEST)).contains(WHOLE);
    }

    /** A session holding {@code content}, sent as one chunk. */
    private String startWith(Buffer content) {
        String id = core.await(() -> uploads.start(REPOSITORY)).id();
        core.await(() -> uploads.append(REPOSITORY, id, 0L, core.body(content)));
        return id;
    }

    private static void assertUploadInvalid(Throwable failure) {
        assertThat(failure)
                .isInstanceOfSatisfying(
                        DistributionException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID));
    }

    /** What the session's data holds in storage, whatever its saved state says. */
    private long heldBy(String id) {
        return core.await(() -> core.driver
                .writer(uploadData(id), true)
                .compose(writer -> writer.end().map(writer.size())));
    }

    private long offset(String id) {
        return core.await(() -> uploads.status(REPOSITORY, id)).offset();
    }

    private static String uploadData(String id) {
        return RegistryLayout.uploadData(REPOSITORY, id);
    }
}
