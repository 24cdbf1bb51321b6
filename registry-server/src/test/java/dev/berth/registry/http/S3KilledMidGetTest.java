package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.storage.s3.S3ReadBuffers;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3DefaultChain;
import dev.berth.testkit.s3.S3ProxyLogOnFailure;
import dev.berth.testkit.s3.S3ProxyProcess;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server dies (SIGKILL of a real S3Proxy process) while a blob GET streams from it (issue
 * 17, "S3 stopping mid-GET"): the client must see its connection cut short of the Content-Length,
 * never a clean end, or it would take a short blob for a whole one; and every pooled buffer the
 * relay read from S3 goes back to the pool.
 */
@DisplayName("A blob GET on S3 when the S3 server dies mid-body")
class S3KilledMidGetTest {
    private static final String REPO = "library/killed";
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private S3ProxyProcess s3;

    @RegisterExtension
    final S3ProxyLogOnFailure s3Log = new S3ProxyLogOnFailure(() -> s3);

    @AfterEach
    void stop() {
        S3DefaultChain.clear();
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @DisplayName("the client's connection is cut short of the Content-Length, and every buffer read from S3 goes back")
    void cutShort() throws Exception {
        s3 = S3ProxyProcess.start(Path.of(System.getProperty("java.class.path")), dir);
        S3Bucket bucket = s3.newBucket("registry");
        S3DefaultChain.useKeys(bucket.accessKey(), bucket.secretKey());
        Content blob = Content.random(24 * MIB);
        long inUseBefore = S3ReadBuffers.inUse();
        long received = 0;
        long declared;
        try (InProcessBerth server = InProcessBerth.start(bucket.berthSettings(false))) {
            new Pushes(server.client()).blob(REPO, blob);
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream()
                        .write(("GET /v2/" + REPO + "/blobs/" + blob.digest() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                                        + server.port() + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String head = RawHttp.readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200");
                declared = RawHttp.contentLength(head);
                received += in.readNBytes(64 * 1024).length;

                s3.kill();
                received += RawHttp.readToCut(in);
            }
            Await.until("every pooled S3 read buffer released", () -> S3ReadBuffers.inUse() <= inUseBefore);
        }

        assertThat(declared).isEqualTo(blob.bytes().length);
        assertThat(received).as("bytes received before the cut").isLessThan(declared);
    }
}
