package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.StorageException;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.StorageDriverContract;
import dev.berth.storage.testkit.Streams;
import dev.berth.storage.testkit.TestContent;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Relay;
import dev.berth.testkit.s3.WriteGate;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

@DisplayName("S3 driver")
class S3StorageDriverTest extends StorageDriverContract {
    private S3Settings settings;
    private Context context;

    @BeforeEach
    void context() {
        context = vertx.getOrCreateContext();
    }

    @Override
    protected StorageDriver createDriver(Vertx vertx) throws Exception {
        InProcessS3 s3 = InProcessS3.get();
        // A prefix, so that every test also checks that keys stay under it.
        settings = S3TestClients.settings(s3.newBucket("under/a/prefix"));
        return S3TestClients.driver(vertx, settings);
    }

    @Override
    protected void destroyDriver() throws Exception {
        InProcessS3.get().deleteBucket(settings.bucket());
    }

    @Test
    @DisplayName("joins chunks smaller than S3's part minimum, left by many resumed writers, into one large object")
    void smallResumedChunks() {
        // Each writer ends with a 1.5 MiB segment: the commit must group them into parts of at least 5 MiB.
        // Driven on one context, as a request's handler drives a writer: its uploads complete there,
        // so their bookkeeping never runs on another thread than the writes it follows.
        Iterable<Buffer> content = TestContent.chunks(9L << 20, 3 << 19, 5);
        for (Buffer chunk : content) {
            BlobWriter writer = onContext(() -> driver.writer("chunked/blob", true));
            onContext(() -> writer.write(chunk));
            onContext(writer::end);
        }
        BlobWriter last = onContext(() -> driver.writer("chunked/blob", true));
        assertThat(last.size()).isEqualTo(9L << 20);
        onContext(last::commit);

        byte[] read = Await.result(driver.readStream("chunked/blob", 0, -1).compose(Streams::sha256));
        assertThat(read).isEqualTo(TestContent.sha256(content));
        assertThat(Await.result(driver.list("chunked"))).containsExactly("blob");
    }

    @Test
    @DisplayName("keeps track of a segment whose upload finishes before the writer's caller moves on")
    void fastSegmentUploads() {
        // Driven from this thread, a small segment's PutObject can complete on the event loop
        // before the writer has recorded it as in flight: end() must still see it settled.
        for (int round = 0; round < 300; round++) {
            BlobWriter writer = Await.result(driver.writer("fast/blob", false));
            Await.result(writer.write(Buffer.buffer("round " + round)));
            Await.result(writer.end());
        }
        BlobWriter last = Await.result(driver.writer("fast/blob", true));
        Await.result(last.commit());
        assertThat(Await.result(driver.read("fast/blob")).toString()).isEqualTo("round 299");
    }

    @Test
    @DisplayName("grows segments as an upload grows, across resumed writers, and joins them into the blob")
    void growingSegments() {
        // Sizes that double every two segments: 5, 5, 10, 10, 20 MiB, so growth shows within megabytes.
        StorageDriver growing = driverWith(new SegmentSizes(5L << 20, 2, 4), PartPool.withDefaults());
        Iterable<Buffer> content = TestContent.chunks(36L << 20, 1 << 20, 7);
        BlobWriter current = onContext(() -> growing.writer("growing/blob", false));
        int written = 0;
        for (Buffer chunk : content) {
            if (written++ == 27) {
                onContext(current::end);
                // 5 + 5 + 10 MiB and a last one at most: 5 MiB segments would take six.
                List<Long> afterFirst = segmentSizes();
                assertThat(afterFirst).hasSizeLessThan(5);
                assertThat(afterFirst.stream().mapToLong(Long::longValue).sum()).isEqualTo(27L << 20);
                current = onContext(() -> growing.writer("growing/blob", true));
            }
            BlobWriter writer = current;
            onContext(() -> writer.write(chunk));
        }
        onContext(current::commit);

        byte[] read = Await.result(growing.readStream("growing/blob", 0, -1).compose(Streams::sha256));
        assertThat(read).isEqualTo(TestContent.sha256(content));
        assertThat(segmentSizes()).isEmpty();
        Await.result(growing.close());
    }

    @Test
    @DisplayName("completes a part left short by an earlier writer before it starts a larger segment")
    void completesShortPart() {
        BlobWriter first = onContext(() -> driver.writer("short/blob", false));
        onContext(() ->
                first.write(TestContent.chunks(1L << 20, 1 << 20, 3).iterator().next()));
        onContext(first::end);

        BlobWriter second = onContext(() -> driver.writer("short/blob", true));
        for (Buffer chunk : TestContent.chunks(12L << 20, 1 << 18, 4)) {
            onContext(() -> second.write(chunk));
        }
        onContext(second::end);

        // The second segment makes the first a full part, so commit never reads a large segment back.
        List<Long> sizes = segmentSizes();
        assertThat(sizes.get(0)).isEqualTo(1L << 20);
        assertThat(sizes.get(0) + sizes.get(1)).isBetween(5L << 20, 7L << 20);
        assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(13L << 20);
    }

    @Test
    @DisplayName("deleting a directory aborts the multipart upload of a segment that a writer there left unfinished")
    void deleteAbortsUnfinishedSegments() {
        StorageDriver growing = growingDriver();
        Await.result(growing.write("uploads/abc/startedat", Buffer.buffer("now")));
        abandonInGrowingSegment(growing, "uploads/abc/data");

        Await.result(growing.delete("uploads/abc"));

        assertThat(unfinishedUploads()).isEmpty();
        assertThat(Await.failure(growing.list("uploads"))).isInstanceOf(PathNotFoundException.class);
        Await.result(growing.close());
    }

    @Test
    @DisplayName("deleting a directory's files by name leaves a dead writer's unfinished segment there to the"
            + " crash leftovers, which report it once no part came for a while and abort it on removal;"
            + " a multipart upload of someone else's is neither")
    void crashLeftoversAreDeadSegments() {
        StorageDriver growing = growingDriver();
        Await.result(growing.write("uploads/abc/startedat", Buffer.buffer("now")));
        abandonInGrowingSegment(growing, "uploads/abc/data");
        String foreign = S3TestClients.client(settings)
                .createMultipartUpload(r -> r.bucket(settings.bucket()).key(settings.prefix() + "other/data"))
                .join()
                .uploadId();

        Await.result(growing.deleteKnown("uploads/abc", Set.of("startedat")));

        assertThat(unfinishedUploads()).hasSize(2);
        Instant aMinuteAhead = Instant.now().plus(Duration.ofMinutes(1));
        assertThat(Await.result(growing.crashLeftovers(Instant.now().minus(Duration.ofHours(1)), true)))
                .as("a part stored within the hour: the writer may be alive")
                .isEmpty();
        assertThat(Await.result(growing.crashLeftovers(aMinuteAhead, false)))
                .singleElement()
                .asString()
                .startsWith("uploads/abc/.berth-partial-data/");
        assertThat(unfinishedUploads()).hasSize(2);

        assertThat(Await.result(growing.crashLeftovers(aMinuteAhead, true))).hasSize(1);

        assertThat(unfinishedUploads())
                .singleElement()
                .extracting(MultipartUpload::uploadId)
                .isEqualTo(foreign);
        Await.result(growing.close());
    }

    /** Sizes 5, 5, 10 MiB: a third 5 MiB chunk starts segment 2 as a multipart upload that only 10 MiB complete. */
    private StorageDriver growingDriver() {
        return driverWith(new SegmentSizes(5L << 20, 2, 4), PartPool.withDefaults());
    }

    /**
     * Writes two whole segments and a part of a third, growing one, to {@code path}, and leaves the
     * writer as a process that died there would: never ended nor cancelled.
     */
    private void abandonInGrowingSegment(StorageDriver growing, String path) {
        BlobWriter abandoned = onContext(() -> growing.writer(path, false));
        Buffer chunk = Buffer.buffer(new byte[S3BlobWriter.CHUNK_SIZE]);
        for (int stored = 1; stored <= 2; stored++) {
            int segments = stored;
            onContext(() -> abandoned.write(chunk));
            Await.until(segments + " segments stored", () -> segmentSizes().size() == segments);
        }
        onContext(() -> abandoned.write(chunk));
        Await.until(
                "a part of segment 2 stored",
                () -> unfinishedUploads().stream()
                        .anyMatch(upload -> !parts(upload).isEmpty()));
    }

    /** The multipart uploads begun in the bucket and neither completed nor aborted. */
    private List<MultipartUpload> unfinishedUploads() {
        return S3TestClients.client(settings)
                .listMultipartUploads(r -> r.bucket(settings.bucket()).prefix(settings.prefix()))
                .join()
                .uploads();
    }

    private List<Part> parts(MultipartUpload upload) {
        return S3TestClients.client(settings)
                .listParts(r -> r.bucket(settings.bucket()).key(upload.key()).uploadId(upload.uploadId()))
                .join()
                .parts();
    }

    /**
     * Runs a writer call on one event-loop context and waits for it: a writer is driven from one
     * context, and the test thread appending while the context swaps buffers would be a data race.
     */
    private <T> T onContext(Supplier<Future<T>> call) {
        return Await.result(onContextLater(call));
    }

    @Test
    @DisplayName("offers no redirect URL unless it was made to redirect")
    void noRedirectByDefault() {
        Await.result(driver.write("plain/file", Buffer.buffer("bytes")));

        assertThat(Await.result(driver.redirectUrl("plain/file", Duration.ofMinutes(5))))
                .isEmpty();
    }

    @Test
    @DisplayName("made to redirect, offers a URL from which a plain HTTP client fetches the file")
    void redirectUrl() throws Exception {
        StorageDriver redirecting = new S3StorageDriver(vertx, S3TestClients.client(settings), settings, true);
        Await.result(redirecting.write("signed/file", Buffer.buffer("fetched from S3 itself")));

        URI url = Await.result(redirecting.redirectUrl("signed/file", Duration.ofMinutes(5)))
                .orElseThrow();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("fetched from S3 itself");
        Await.result(redirecting.close());
    }

    @Test
    @DisplayName("hands a large object on in pieces of up to a network read, not sliced into 8 KiB pieces")
    void readsInNetworkSizedPieces() {
        int size = 8 << 20;
        Await.result(driver.write("large/blob", Buffer.buffer(new byte[size])));
        Promise<Integer> ended = Promise.promise();
        int[] largest = new int[1];
        long[] received = new long[1];

        onContext(() -> driver.readStream("large/blob", 0, -1).map(stream -> {
            stream.endHandler(ignored -> ended.tryComplete(largest[0]));
            stream.exceptionHandler(ended::tryFail);
            stream.handler(chunk -> {
                largest[0] = Math.max(largest[0], chunk.length());
                received[0] += chunk.length();
            });
            return stream;
        }));

        // Each piece is written to the registry's client on its own: 8 KiB pieces cost eight
        // writes per network read. Every piece is a heap copy, so they stay bounded all the same.
        assertThat(Await.result(ended.future()))
                .isGreaterThan(8 * 1024)
                .isLessThanOrEqualTo(S3ObjectReader.MAX_CHUNK_SIZE);
        assertThat(received[0]).isEqualTo(size);
    }

    @Test
    @DisplayName("a read that S3 breaks off in the middle of the body fails, naming the path, and never ends cleanly")
    void brokenOffRead() throws Exception {
        int size = 32 << 20;
        try (S3Relay relay = new S3Relay(settings.endpoint().orElseThrow())) {
            S3Settings relayed = new S3Settings(
                    settings.bucket(), settings.region(), Optional.of(relay.endpoint()), true, settings.prefix());
            StorageDriver through = S3TestClients.driver(vertx, relayed);
            Await.result(through.write("large/blob", Buffer.buffer(new byte[size])));
            Promise<Long> ended = Promise.promise();
            long[] received = new long[1];

            onContext(() -> through.readStream("large/blob", 0, -1).map(stream -> {
                stream.endHandler(ignored -> ended.tryComplete(received[0]));
                stream.exceptionHandler(ended::tryFail);
                stream.handler(chunk -> {
                    if (received[0] == 0) {
                        // S3 fails once the reader has begun, while most of the body is still to come.
                        stream.pause();
                        relay.cut();
                        vertx.setTimer(100, ignored -> stream.resume());
                    }
                    received[0] += chunk.length();
                });
                return stream;
            }));

            Throwable failure = Await.failure(ended.future());
            assertThat(failure).isInstanceOf(StorageException.class).hasMessageContaining("large/blob");
            assertThat(received[0]).isLessThan(size);
            Await.result(through.close());
        }
    }

    @Test
    @DisplayName("a read that S3 accepts but never answers fails instead of waiting for ever")
    void unansweredRead() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            S3Settings unanswering = new S3Settings(
                    settings.bucket(),
                    settings.region(),
                    Optional.of(URI.create("http://127.0.0.1:" + silent.getLocalPort())),
                    true,
                    settings.prefix());
            StorageDriver hanging = S3TestClients.driver(vertx, unanswering);

            Throwable failure = Await.failure(hanging.readStream("some/blob", 0, -1));

            assertThat(failure).isInstanceOf(StorageException.class).hasMessageContaining("some/blob");
            Await.result(hanging.close());
        }
    }

    @Test
    @DisplayName("uploads whole segments side by side as they fill, at most three at once")
    void segmentsInParallel() throws Exception {
        WriteGate puts = InProcessS3.get().holdWrites(settings.bucket());
        Iterable<Buffer> content = TestContent.chunks(40L << 20, 1 << 20, 11);
        BlobWriter writer = onContext(() -> driver.writer("parallel/blob", false));
        Promise<Void> written = Promise.promise();

        context.runOnContext(ignored ->
                Streams.pump(writer, content).compose(waits -> writer.commit()).onComplete(written));
        Await.until(
                "the writer pushes back with three segments on their way",
                () -> puts.waiting() == 3 && onContext(() -> Future.succeededFuture(writer.writeQueueFull())));
        puts.open();
        Await.result(written.future());

        assertThat(puts.mostAtOnce()).isEqualTo(S3BlobWriter.MAX_IN_FLIGHT);
        byte[] read = Await.result(driver.readStream("parallel/blob", 0, -1).compose(Streams::sha256));
        assertThat(read).isEqualTo(TestContent.sha256(content));
    }

    @Test
    @DisplayName("joins whole segments into the blob by copying up to four parts inside S3 at once")
    void partCopiesInParallel() {
        GatedCalls copies = new GatedCalls(S3TestClients.client(settings), "uploadPartCopy");
        StorageDriver parallel = new S3StorageDriver(vertx, copies.client(), settings, false);
        Iterable<Buffer> content = TestContent.chunks(40L << 20, 1 << 20, 13);
        BlobWriter writer = onContext(() -> parallel.writer("copied/upload", false));
        Promise<Void> committed = Promise.promise();

        context.runOnContext(ignored -> Streams.pump(writer, content)
                .compose(waits -> writer.commitTo("copied/blob"))
                .onComplete(committed));
        Await.until("four part copies on their way", () -> copies.inFlight() == SegmentAssembler.PARALLEL_COPIES);
        copies.open();
        Await.result(committed.future());

        assertThat(copies.mostAtOnce()).isEqualTo(SegmentAssembler.PARALLEL_COPIES);
        byte[] read = Await.result(driver.readStream("copied/blob", 0, -1).compose(Streams::sha256));
        assertThat(read).isEqualTo(TestContent.sha256(content));
        assertThat(segmentSizes()).isEmpty();
        Await.result(parallel.close());
    }

    @Test
    @DisplayName("shares one pool of parts among all its uploads: more large uploads at once than the pool has parts"
            + " wait their turn and all complete intact, never holding more parts than the pool has")
    void uploadsShareThePartPool() throws Exception {
        PartPool pool = new PartPool(3, S3BlobWriter.CHUNK_SIZE);
        WriteGate puts = InProcessS3.get().holdWrites(settings.bucket());
        StorageDriver pooled = driverWith(SegmentSizes.DEFAULT, pool);
        int uploads = 6;
        List<Iterable<Buffer>> contents = new ArrayList<>();
        List<Future<Void>> committed = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            // 64 KiB writes, as a request body arrives. 16 MiB is three full parts and a short one: more
            // than the pool holds, so that no upload can write all of it while S3 holds the first parts.
            Iterable<Buffer> content = TestContent.chunks(16L << 20, 1 << 16, 100 + i);
            contents.add(content);
            String upload = "pool/upload-" + i;
            String target = "pool/blob-" + i;
            BlobWriter writer = onContext(() -> pooled.writer(upload, false));
            Promise<Void> done = Promise.promise();
            context.runOnContext(ignored -> Streams.pump(writer, content)
                    .compose(waits -> writer.commitTo(target))
                    .onComplete(done));
            committed.add(done.future());
        }

        // S3 holds the first parts: every upload then waits for one, none takes memory of its own.
        Await.until(
                "three parts on their way to S3 and all six uploads waiting for a part",
                () -> puts.waiting() == pool.parts() && pool.waiting() == uploads);
        puts.open();
        Await.result(Future.all(committed));

        assertThat(puts.mostAtOnce()).isLessThanOrEqualTo(pool.parts());
        assertThat(pool.mostLent()).isEqualTo(pool.parts());
        assertThat(pool.lent()).as("parts not given back").isZero();
        for (int i = 0; i < uploads; i++) {
            byte[] read =
                    Await.result(driver.readStream("pool/blob-" + i, 0, -1).compose(Streams::sha256));
            assertThat(read).as("blob %d", i).isEqualTo(TestContent.sha256(contents.get(i)));
        }
        Await.result(pooled.close());
    }

    @Test
    @DisplayName("a cancelled upload gives its parts back, the one it filled, those on their way and one it waited for")
    void cancelGivesPartsBack() throws Exception {
        PartPool pool = new PartPool(2, S3BlobWriter.CHUNK_SIZE);
        WriteGate puts = InProcessS3.get().holdWrites(settings.bucket());
        StorageDriver pooled = driverWith(SegmentSizes.DEFAULT, pool);
        BlobWriter filling = onContext(() -> pooled.writer("cancelled/one", false));
        // One part on its way (held by S3), the second one half full.
        onContext(() -> filling.write(TestContent.bytes(S3BlobWriter.CHUNK_SIZE + (2 << 20), 1)));
        BlobWriter waiting = onContext(() -> pooled.writer("cancelled/two", false));
        onContext(() -> waiting.write(TestContent.bytes(2 << 20, 2)));
        Await.until(
                "one part on its way and an upload waiting for a part",
                () -> puts.waiting() == 1
                        && pool.waiting() == 1
                        && onContext(() -> Future.succeededFuture(waiting.writeQueueFull())));

        onContext(waiting::cancel);
        assertThat(pool.waiting()).isZero();
        Future<Void> cancelled = onContextLater(filling::cancel);
        puts.open();
        Await.result(cancelled);

        assertThat(pool.lent()).as("parts not given back").isZero();
        assertThat(pool.mostLent()).isEqualTo(2);
        Await.result(pooled.close());
    }

    @Test
    @DisplayName("an upload that S3 fails in the middle gives its parts back, and fails its end")
    void failedUploadGivesPartsBack() throws Exception {
        InProcessS3 failing = InProcessS3.startPrivate();
        try {
            S3Settings own = S3TestClients.settings(failing.newBucket(""));
            PartPool pool = new PartPool(2, S3BlobWriter.CHUNK_SIZE);
            StorageDriver pooled =
                    new S3StorageDriver(vertx, S3TestClients.client(own), own, false, SegmentSizes.DEFAULT, pool);
            BlobWriter writer = onContext(() -> pooled.writer("failing/blob", false));
            failing.failWrites(500);
            // The first part goes up and fails; the second is being filled meanwhile.
            onContext(() -> writer.write(TestContent.bytes(S3BlobWriter.CHUNK_SIZE + (2 << 20), 3)));

            Throwable failure = Await.failure(onContextLater(writer::end));

            assertThat(failure).isInstanceOf(StorageException.class).hasMessageContaining("failing/blob");
            assertThat(pool.lent()).as("parts not given back").isZero();
            assertThat(pool.mostLent()).isEqualTo(2);
            failing.stopFailingWrites();
            Await.result(pooled.close());
        } finally {
            failing.stop();
        }
    }

    @Test
    @DisplayName("as many uploads as the pool has parts, trickling in and left open, do not stop another large upload:"
            + " a part that fills too slowly while another upload waits is stored as it is and given back, and the"
            + " slow uploads complete intact afterwards")
    void slowUploadsGiveTheirPartsBack() {
        PartPool pool = new PartPool(2, S3BlobWriter.CHUNK_SIZE, Duration.ofMillis(200));
        StorageDriver pooled = driverWith(SegmentSizes.DEFAULT, pool);
        List<Buffer> slowContents = new ArrayList<>();
        List<Trickle> trickles = new ArrayList<>();
        List<BlobWriter> slowWriters = new ArrayList<>();
        for (int i = 0; i < pool.parts(); i++) {
            // 2 MiB at once, more than stays in the buffers it came in, so that each takes a part; then 1 KiB
            // every 50 ms, which would take minutes to fill the part.
            Buffer content = TestContent.bytes(12 << 20, 200 + i);
            String upload = "slow/upload-" + i;
            BlobWriter writer = onContext(() -> pooled.writer(upload, false));
            slowContents.add(content);
            slowWriters.add(writer);
            trickles.add(Await.result(Trickle.start(context, writer, content, 2 << 20, 1 << 10, 50)));
        }
        Await.until("every part lent to a slow upload", () -> pool.lent() == pool.parts());

        Iterable<Buffer> large = TestContent.chunks(16L << 20, 1 << 16, 300);
        BlobWriter fast = onContext(() -> pooled.writer("fast/upload", false));
        Await.result(onContextLater(() -> Streams.pump(fast, large).compose(waits -> fast.commitTo("fast/blob"))));

        byte[] read = Await.result(driver.readStream("fast/blob", 0, -1).compose(Streams::sha256));
        assertThat(read).isEqualTo(TestContent.sha256(large));
        assertThat(segmentSizes()).as("the slow uploads' segments").anyMatch(size -> size < S3BlobWriter.CHUNK_SIZE);
        for (int i = 0; i < trickles.size(); i++) {
            BlobWriter writer = slowWriters.get(i);
            String target = "slow/blob-" + i;
            Await.result(trickles.get(i).rest());
            onContext(() -> writer.commitTo(target));
            byte[] slowRead = Await.result(driver.readStream(target, 0, -1).compose(Streams::sha256));
            assertThat(slowRead).as("slow blob %d", i).isEqualTo(TestContent.sha256(List.of(slowContents.get(i))));
        }
        assertThat(pool.lent()).as("parts not given back").isZero();
        assertThat(segmentSizes()).isEmpty();
        Await.result(pooled.close());
    }

    @Test
    @DisplayName("a part that fills too slowly in the middle of a growing segment ends that segment early, as its"
            + " last part, and the upload goes on with the next segment")
    void slowPartEndsGrowingSegment() {
        // Sizes 5, 10, 20 MiB: 12 MiB are segment 0 whole, a first 5 MiB part of segment 1 and 2 MiB in a part.
        PartPool pool = new PartPool(1, S3BlobWriter.CHUNK_SIZE, Duration.ofMillis(200));
        StorageDriver pooled = driverWith(new SegmentSizes(5L << 20, 1, 4), pool);
        Buffer content = TestContent.bytes(20 << 20, 500);
        BlobWriter slow = onContext(() -> pooled.writer("growing-slow/upload", false));
        onContext(() -> slow.write(content.slice(0, 12 << 20)));
        Await.until(
                "segment 0 stored and a part of segment 1",
                () -> segmentSizes().size() == 1
                        && unfinishedUploads().stream()
                                .anyMatch(upload -> !parts(upload).isEmpty()));

        // The slow upload's client sends nothing more; another upload waits for the one part.
        Buffer other = TestContent.bytes(2 << 20, 501);
        BlobWriter waiting = onContext(() -> pooled.writer("growing-slow/other", false));
        onContext(() -> waiting.write(other));
        onContext(() -> waiting.commitTo("growing-slow/other-blob"));

        assertThat(segmentSizes()).containsExactly(5L << 20, 7L << 20);
        assertThat(unfinishedUploads()).isEmpty();
        onContext(() -> slow.write(content.slice(12 << 20, content.length())));
        onContext(() -> slow.commitTo("growing-slow/blob"));
        assertThat(Await.result(pooled.read("growing-slow/blob"))).isEqualTo(content);
        assertThat(Await.result(pooled.read("growing-slow/other-blob"))).isEqualTo(other);
        assertThat(pool.lent()).as("parts not given back").isZero();
        Await.result(pooled.close());
    }

    @Test
    @DisplayName("a slow upload keeps its part while no other upload waits for one, and stores nothing before it is"
            + " full or ended")
    void slowUploadKeepsItsPartUncontended() throws InterruptedException {
        PartPool pool = new PartPool(2, S3BlobWriter.CHUNK_SIZE, Duration.ofMillis(50));
        StorageDriver pooled = driverWith(SegmentSizes.DEFAULT, pool);
        Buffer content = TestContent.bytes(2 << 20, 400);
        BlobWriter writer = onContext(() -> pooled.writer("alone/upload", false));
        onContext(() -> writer.write(content));

        // Many times the slow-fill bound: the writer checks its part over and over, and finds nobody waiting.
        Thread.sleep(500);

        assertThat(pool.lent()).isEqualTo(1);
        assertThat(segmentSizes()).as("segments stored").isEmpty();
        onContext(() -> writer.commitTo("alone/blob"));
        assertThat(Await.result(pooled.read("alone/blob"))).isEqualTo(content);
        assertThat(pool.lent()).as("parts not given back").isZero();
        Await.result(pooled.close());
    }

    /** A driver on this test's bucket whose segments grow as {@code sizes} says and whose uploads share {@code pool}. */
    private StorageDriver driverWith(SegmentSizes sizes, PartPool pool) {
        return new S3StorageDriver(vertx, S3TestClients.client(settings), settings, false, sizes, pool);
    }

    /** Starts a writer call on the writer's context without waiting for it. */
    private <T> Future<T> onContextLater(Supplier<Future<T>> call) {
        Promise<T> done = Promise.promise();
        context.runOnContext(ignored -> call.get().onComplete(done));
        return done.future();
    }

    /** The sizes of the hidden segments in the bucket, in order. */
    private List<Long> segmentSizes() {
        return S3TestClients.client(settings)
                .listObjectsV2(r -> r.bucket(settings.bucket()).prefix(settings.prefix()))
                .join()
                .contents()
                .stream()
                .filter(object -> object.key().contains("/.berth-partial-"))
                .map(S3Object::size)
                .toList();
    }

    @Test
    @DisplayName("deletes and writes by the hundred at once, round after round, all complete: no answer's end is"
            + " missed, though it may come before the reader of its empty body")
    void manyCallsAtOnce() {
        for (int round = 0; round < 15; round++) {
            for (int i = 0; i < 100; i++) {
                Await.result(driver.write("many/" + i + "/old", Buffer.buffer("old")));
            }
            List<Future<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(driver.delete("many/" + i + "/old"));
                calls.add(driver.write("many/" + i + "/new", Buffer.buffer("new " + i)));
            }
            Await.result(Future.all(calls));
        }
        assertThat(Await.result(driver.read("many/7/new")).toString()).isEqualTo("new 7");
    }

    @Test
    @DisplayName("the stream of an empty object still ends for a reader that comes after S3's answer ended")
    void emptyObjectReadLate() throws Exception {
        Await.result(driver.write("empty/file", Buffer.buffer()));
        ReadStream<Buffer> stream = Await.result(driver.readStream("empty/file", 0, -1));
        // S3's answer has no body: it ends at once, the stream paused or not.
        Thread.sleep(200);

        assertThat(Await.result(Streams.collect(stream)).length()).isZero();
    }

    @Test
    @DisplayName("is called \"s3\"")
    void name() {
        assertThat(driver.name()).isEqualTo("s3");
    }
}
