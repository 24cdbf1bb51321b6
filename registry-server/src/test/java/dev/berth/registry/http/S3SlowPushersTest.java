package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 upload memory all pushes share (storage.s3.uploadMemory, here one part of 5 MiB) against a
 * client that trickles its body in: it must not keep every other large push waiting.
 */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Slow pushers on S3")
class S3SlowPushersTest {
    private static final String REPO = "library/slow";
    private static final int MIB = 1 << 20;
    /** Generous: the large push needs a few seconds; before slow parts went back it waited for minutes. */
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    @DisplayName("a push that trickles in, holding the only part of the upload memory, does not stop another large"
            + " push from completing, and completes intact itself once it speeds up")
    void slowPushGivesThePartBack() throws Exception {
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("registry").berthSettings(false));
        settings.put("BERTH_STORAGE_S3_UPLOADMEMORY", "5MiB");
        try (InProcessBerth server = InProcessBerth.start(settings)) {
            RegistryClient api = server.client();
            Content slowBlob = Content.random(8 * MIB);
            SlowChunk slow = SlowChunk.start(server.port(), Uploads.open(api, REPO), slowBlob.bytes());
            assertThat(slow.trickling.await(WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .as("the slow push trickling")
                    .isTrue();

            Content large = Content.random(16 * MIB);
            CompletableFuture<Integer> pushed = CompletableFuture.supplyAsync(() -> {
                String location = Uploads.open(api, REPO);
                Reply chunk = Uploads.chunk(api, location, large.bytes(), 0, large.size());
                return Uploads.finish(api, chunk.header("Location"), large).status();
            });
            assertThat(pushed).as("the large push").succeedsWithin(WITHIN).isEqualTo(201);

            RawHttp.Response sent = slow.hurry().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent.status()).as("the slow chunk: %s", sent.body()).isEqualTo(202);
            Uploads.finish(api, location(sent.head()), slowBlob).hasStatus(201);
            for (Content blob : new Content[] {large, slowBlob}) {
                assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest())
                                .hasStatus(200)
                                .body())
                        .isEqualTo(blob.bytes());
            }
        }
    }

    private static String location(String head) {
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("location:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Location in " + head));
    }

    /**
     * A PATCH of a whole chunk whose first 2 MiB go at once (more than stays in the buffers it came
     * in, so that it takes a part) and the rest 4 KiB every quarter of a second, well above the
     * registry's minimum body rate, until {@link #hurry()}.
     */
    private static final class SlowChunk {
        private final CountDownLatch trickling = new CountDownLatch(1);
        private final CompletableFuture<RawHttp.Response> answered = new CompletableFuture<>();
        private volatile boolean hurry;

        static SlowChunk start(int port, String location, byte[] body) {
            SlowChunk chunk = new SlowChunk();
            Thread.ofVirtual().start(() -> chunk.send(port, URI.create(location).getRawPath(), body));
            return chunk;
        }

        private void send(int port, String path, byte[] body) {
            String head = "PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                int sent = 2 * MIB;
                out.write(body, 0, sent);
                out.flush();
                trickling.countDown();
                while (!hurry && sent < body.length) {
                    int piece = Math.min(4096, body.length - sent);
                    out.write(body, sent, piece);
                    out.flush();
                    sent += piece;
                    Thread.sleep(250);
                }
                out.write(body, sent, body.length - sent);
                out.flush();
                answered.complete(RawHttp.read(socket.getInputStream()));
            } catch (IOException e) {
                answered.completeExceptionally(new UncheckedIOException(e));
            } catch (InterruptedException e) {
                answered.completeExceptionally(e);
            }
        }

        /** Sends the rest at once; completes with the registry's answer. */
        CompletableFuture<RawHttp.Response> hurry() {
            hurry = true;
            return answered;
        }
    }
}
