package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.storage.s3.S3Settings;
import dev.berth.storage.s3.S3StorageDriver;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.ChunkReadStream;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3Relay;
import dev.berth.testkit.s3.S3RequestLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a push and a pull cost in S3 requests, counted on the wire between the driver and S3, whichever
 * client sent them. On S3 each request is a round trip of milliseconds, and billed.
 */
@DisplayName("S3 requests per operation")
class S3RoundTripsTest {
    private static final String REPO = "team/app";

    private Vertx vertx;
    private Context context;
    private S3Bucket bucket;
    private S3Relay relay;
    private S3RequestLog s3;
    private S3StorageDriver driver;
    private Registry registry;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        bucket = InProcessS3.get().newBucket("");
        relay = new S3Relay(bucket.endpoint());
        s3 = relay.requests();
        S3Settings settings = S3TestClients.settings(relay.relayed(bucket));
        driver = new S3StorageDriver(vertx, S3TestClients.client(settings), settings, false);
        registry = new Registry(driver, RegistryOptions.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            Await.result(driver.close());
            relay.close();
            InProcessS3.get().deleteBucket(bucket.name());
        } finally {
            Await.result(vertx.close());
        }
    }

    @Test
    @DisplayName(
            "a 64 KiB blob pushed in one request costs at most 19 S3 requests (4 more before the writer put it whole)")
    void smallMonolithicPush() {
        Buffer blob = random(64 * 1024);

        push(blob);

        assertThat(s3.total()).as("S3 requests: %s", s3.counts()).isLessThanOrEqualTo(19);
    }

    @Test
    @DisplayName(
            "a 64 KiB blob pushed as most clients do, a POST then a PUT with the content, costs at most 9 S3 requests"
                    + " (20 before its data was committed straight to the blob's path and the cap counted in memory,"
                    + " 12 before the session's files were deleted by name)")
    void smallPushInTwoRequests() {
        Buffer blob = random(64 * 1024);
        String digest = Digest.sha256(blob.getBytes()).toString();

        UploadStatus session = onContext(() -> registry.uploads().start(REPO));
        onContext(() -> registry.uploads()
                .complete(
                        REPO,
                        session.id(),
                        digest,
                        null,
                        new ChunkReadStream(context, List.of(blob).iterator())));

        assertThat(s3.total()).as("S3 requests: %s", s3.counts()).isLessThanOrEqualTo(9);
        assertThat(s3.counts()).doesNotContainKey("copyObject");
    }

    @Test
    @DisplayName("a 30 MiB push in 10 MiB PATCHes costs 5 S3 requests per PATCH (the state read, the segments listed,"
            + " two 5 MiB segments, the state saved) and 25 for the PUT that ends it, each segment copied once")
    void chunkedPush() {
        int chunk = 10 * 1024 * 1024;
        Buffer blob = random(3 * chunk);
        String digest = Digest.sha256(blob.getBytes()).toString();
        UploadStatus session = onContext(() -> registry.uploads().start(REPO));

        for (int i = 0; i < 3; i++) {
            s3.clear();
            long offset = (long) i * chunk;
            List<Buffer> patch = pieces(blob.getBuffer((int) offset, (int) offset + chunk));
            onContext(() -> registry.uploads()
                    .append(REPO, session.id(), offset, new ChunkReadStream(context, patch.iterator())));

            assertThat(s3.counts())
                    .as("PATCH %d", i)
                    .containsOnly(
                            Map.entry("getObject", 1L), Map.entry("listObjectsV2", 1L), Map.entry("putObject", 3L));
        }
        s3.clear();
        onContext(() -> registry.uploads().complete(REPO, session.id(), digest, null, null));

        assertThat(s3.total()).as("the PUT's S3 requests: %s", s3.counts()).isLessThanOrEqualTo(25);
        assertThat(s3.counts())
                .containsEntry("uploadPartCopy", 6L)
                .containsEntry("completeMultipartUpload", 1L)
                .doesNotContainKey("copyObject");
    }

    @Test
    @DisplayName("opening an upload session below the cap writes its two files and lists nothing")
    void openSession() {
        onContext(() -> registry.uploads().start(REPO));

        assertThat(s3.counts()).containsExactly(Map.entry("putObject", 2L));
    }

    @Test
    @DisplayName("a manifest read again reads only its revision link: its content comes from the cache")
    void manifestReadAgain() {
        Buffer index =
                Buffer.buffer("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}");
        Digest digest = Await.result(registry.manifests().put(REPO, "latest", index, MediaTypes.OCI_INDEX))
                .digest();
        Await.result(registry.manifests().get(REPO, digest.toString()));
        s3.clear();

        StoredManifest again = Await.result(registry.manifests().get(REPO, digest.toString()));

        assertThat(again.content()).isEqualTo(index);
        assertThat(s3.counts()).containsExactly(Map.entry("headObject", 1L));
    }

    @Test
    @DisplayName("a first tags list reads the tags stamp, then lists the tags in one S3 listing")
    void tagsList() {
        tagged(List.of("1.0", "latest"));
        s3.clear();

        Page tags = Await.result(registry.tags().list(REPO, null, null));

        assertThat(tags.items()).containsExactly("1.0", "latest");
        assertThat(s3.counts()).containsExactly(Map.entry("getObject", 1L), Map.entry("listObjectsV2", 1L));
    }

    @Test
    @DisplayName("a tags list of 1,000 tags read again, no tag changed since, is one GET of the tags stamp"
            + " (one S3 listing of 2,000 keys before)")
    void tagsListReadAgain() {
        tagged(IntStream.range(0, 1000).mapToObj(i -> String.format("t%04d", i)).toList());
        Await.result(registry.tags().list(REPO, null, null));
        s3.clear();

        Page tags = Await.result(registry.tags().list(REPO, null, null));

        assertThat(tags.items()).hasSize(1000).startsWith("t0000").endsWith("t0999");
        assertThat(s3.counts()).containsExactly(Map.entry("getObject", 1L));
    }

    /** Tags the repository's one manifest with each of {@code tags}, a few at a time. */
    private void tagged(List<String> tags) {
        Buffer index =
                Buffer.buffer("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}");
        for (int start = 0; start < tags.size(); start += 32) {
            Await.result(Future.all(tags.subList(start, Math.min(tags.size(), start + 32)).stream()
                    .map(tag -> registry.manifests().put(REPO, tag, index, MediaTypes.OCI_INDEX))
                    .toList()));
        }
    }

    private void push(Buffer blob) {
        String digest = Digest.sha256(blob.getBytes()).toString();
        onContext(() -> registry.uploads()
                .monolithic(
                        REPO, digest, new ChunkReadStream(context, List.of(blob).iterator())));
    }

    private <T> T onContext(Supplier<Future<T>> call) {
        Promise<T> done = Promise.promise();
        context.runOnContext(ignored -> call.get().onComplete(done));
        return Await.result(done.future());
    }

    /** The content in the 64 KiB pieces a client's PATCH arrives in. */
    private static List<Buffer> pieces(Buffer content) {
        int piece = 64 * 1024;
        return IntStream.range(0, (content.length() + piece - 1) / piece)
                .mapToObj(i -> content.getBuffer(i * piece, Math.min(content.length(), (i + 1) * piece)))
                .toList();
    }

    private static Buffer random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Buffer.buffer(bytes);
    }
}
