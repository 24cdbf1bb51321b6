package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.s3.S3Settings;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import dev.berth.testkit.s3.S3DefaultChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry on S3 checks its bucket before it listens, and an operator who got the bucket, the
 * keys or the endpoint wrong reads which one in a single line.
 */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("berth-registry serve on S3, when the bucket cannot be used")
class S3StartupCheckTest {
    @TempDir
    Path dir;

    private InProcessS3 s3;
    private S3Settings bucket;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void newBucket() throws Exception {
        s3 = InProcessS3.get();
        bucket = S3TestClients.settings(s3.newBucket(""));
    }

    @AfterEach
    void deleteBucket() {
        s3.deleteBucket(bucket.bucket());
    }

    @Test
    @DisplayName("A bucket that does not exist: exit 1, one line naming the bucket and the 404")
    void noSuchBucket() throws IOException {
        assertThat(serve("no-such-bucket", s3.endpoint().toString())).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("berth-registry: S3 bucket 'no-such-bucket' at " + s3.endpoint()
                        + " does not exist (404): create it or correct storage.s3.bucket" + System.lineSeparator());
    }

    @Test
    @DisplayName("A wrong secret key: exit 1, one line saying access was refused and where credentials come from")
    void wrongSecret() throws IOException {
        S3DefaultChain.useKeys(InProcessS3.accessKey(), "not-the-secret");

        assertThat(serve(bucket.bucket(), s3.endpoint().toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("berth-registry: S3 bucket '" + bucket.bucket() + "' at " + s3.endpoint()
                        + " refused access (403): check the credentials (AWS_ACCESS_KEY_ID")
                .hasLineCount(1);
    }

    @Test
    @DisplayName("An endpoint where nothing listens: exit 1, one line saying it cannot be reached")
    void unreachableEndpoint() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();

        assertThat(serve(bucket.bucket(), closed)).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("berth-registry: cannot reach S3 bucket '" + bucket.bucket() + "' at " + closed
                        + " (wrong storage.s3.endpoint, or the server is down): ")
                .hasLineCount(1);
    }

    private int serve(String bucketName, String endpoint) throws IOException {
        Path config = Files.writeString(dir.resolve("config.yml"), """
                http:
                  listen: 127.0.0.1:0
                storage:
                  s3:
                    bucket: %s
                    endpoint: %s
                    pathStyle: true
                """.formatted(bucketName, endpoint));
        return BerthRegistryCommand.commandLine()
                .setErr(new PrintWriter(err, true))
                .execute("serve", "--config", config.toString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
