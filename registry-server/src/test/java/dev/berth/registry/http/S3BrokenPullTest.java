package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3Relay;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Blob pulls on S3 when S3 fails in the middle of the bytes. */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Blob pulls on S3 when S3 breaks off")
class S3BrokenPullTest {
    private static final String REPO = "library/broken";
    private static final int SIZE = 32 << 20;

    @Test
    @DisplayName("when S3 breaks off a blob's body, the client's connection is cut before the promised length:"
            + " never a clean end that looks complete")
    void clientSeesCutConnection() throws Exception {
        S3Bucket bucket = InProcessS3.get().newBucket("registry");
        try (S3Relay relay = new S3Relay(bucket.endpoint());
                InProcessBerth server =
                        InProcessBerth.start(relay.relayed(bucket).berthSettings(false))) {
            Content blob = new Pushes(server.client()).randomBlob(REPO, SIZE);

            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                // Long enough for any machine; a registry that leaves the client waiting fails the test here.
                socket.setSoTimeout(60_000);
                socket.getOutputStream()
                        .write(("GET /v2/" + REPO + "/blobs/" + blob.digest() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String head = RawHttp.readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + SIZE);
                byte[] first = in.readNBytes(64 * 1024);
                assertThat(first).hasSize(64 * 1024);

                relay.cut();
                long received = first.length + in.transferTo(OutputStream.nullOutputStream());

                assertThat(received).as("bytes before the connection ended").isLessThan(SIZE);
            }
            // S3 is reachable again through new connections, and the blob is whole.
            assertThat(server.client()
                            .get("/v2/" + REPO + "/blobs/" + blob.digest())
                            .hasStatus(200)
                            .body())
                    .isEqualTo(blob.bytes());
        } finally {
            InProcessS3.get().deleteBucket(bucket.name());
        }
    }
}
