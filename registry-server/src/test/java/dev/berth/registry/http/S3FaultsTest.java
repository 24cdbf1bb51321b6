package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The registry on an S3 server that goes away in the middle of an upload, then comes back. */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Uploads on S3 when S3 fails")
class S3FaultsTest {
    private static final String REPO = "library/faults";
    private static final int MIB = 1 << 20;

    private static InProcessS3 s3;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void ownServer() throws Exception {
        s3 = InProcessS3.startPrivate();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.stop();
    }

    @Test
    @DisplayName("while S3 hangs other requests are answered; when it is gone the chunk gets a 5xx with the"
            + " spec's error body; the upload then resumes where it was, and no partial blob was ever visible")
    void s3GoesAwayMidUpload() throws Exception {
        try (InProcessBerth server =
                InProcessBerth.start(s3.newBucket("registry").berthSettings(false))) {
            RegistryClient api = server.client();
            Content blob = Content.random(3 * MIB);
            String location = Uploads.open(api, REPO);
            Reply first = Uploads.chunk(api, location, blob.bytes(), 0, MIB).hasStatus(202);

            // S3 stops answering: its port accepts connections that nobody serves, so calls hang.
            s3.stop();
            CompletableFuture<Reply> failing;
            try (ServerSocket hang = new ServerSocket()) {
                hang.setReuseAddress(true);
                hang.bind(new InetSocketAddress("127.0.0.1", s3.endpoint().getPort()), 50);
                String next = first.header("Location");
                failing = CompletableFuture.supplyAsync(() -> Uploads.chunk(api, next, blob.bytes(), MIB, 2 * MIB));
                Thread.sleep(1000);
                long start = System.nanoTime();
                api.get("/v2/").hasStatus(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("/v2/ answered while S3 hangs")
                        .isLessThan(Duration.ofSeconds(2));
                assertThat(failing).as("the chunk is still waiting for S3").isNotDone();
            }
            // Now S3 is gone altogether: the waiting chunk fails.
            Reply failed = failing.get();
            assertThat(failed.status()).isBetween(500, 599);
            JsonObject error =
                    new JsonObject(failed.text()).getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("code")).isNotBlank();
            assertThat(error.getString("message")).isNotBlank();

            s3.restart();
            api.head("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(404);
            String next = first.header("Location");
            api.get(next).hasStatus(204).hasHeader("Range", "0-" + (MIB - 1));
            Reply resumed = Uploads.chunk(api, next, blob.bytes(), MIB, 3 * MIB).hasStatus(202);
            Uploads.finish(api, resumed.header("Location"), blob).hasStatus(201);
            assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest())
                            .hasStatus(200)
                            .body())
                    .isEqualTo(blob.bytes());
        }
    }
}
