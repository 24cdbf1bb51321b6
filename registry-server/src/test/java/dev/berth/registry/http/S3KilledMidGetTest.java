package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.storage.s3.S3ReadBuffers;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3DefaultChain;
import dev.berth.testkit.s3.S3ProxyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
                declared = contentLength(in);
                received += in.readNBytes(64 * 1024).length;

                s3.kill();
                try {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        received += read;
                    }
                } catch (IOException reset) {
                    // A reset is as good a cut as an early end of stream.
                }
            }
            Await.until("every pooled S3 read buffer released", () -> S3ReadBuffers.inUse() <= inUseBefore);
        }

        assertThat(declared).isEqualTo(blob.bytes().length);
        assertThat(received).as("bytes received before the cut").isLessThan(declared);
    }

    /** Reads a response head off {@code in} and answers its Content-Length. */
    private static long contentLength(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.append((char) c);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IOException("no Content-Length in " + head);
    }
}
