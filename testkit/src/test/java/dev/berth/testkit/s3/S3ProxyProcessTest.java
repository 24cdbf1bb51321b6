package dev.berth.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("S3Proxy in a process of its own, killed and restarted")
class S3ProxyProcessTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private S3ProxyProcess s3;

    @AfterEach
    void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @DisplayName("comes back without the object it was writing when killed, as S3 would, and lists the rest")
    void restartDropsWritesInFlight() throws Exception {
        s3 = S3ProxyProcess.start(Path.of(System.getProperty("java.class.path")), dir);
        S3Bucket bucket = s3.newBucket("faults");
        URI whole = bucket.endpoint().resolve("/faults/segments/0000000000");
        assertThat(send(HttpRequest.newBuilder(whole).PUT(HttpRequest.BodyPublishers.ofString("whole")))
                        .statusCode())
                .isEqualTo(200);
        // What a kill in the middle of a PUT of segments/0000000001 leaves: S3Proxy's file for the
        // object being written, under the name it gives such a file until the object is whole.
        Files.writeString(
                s3.bucketDirectory(bucket).resolve("segments/0000000001-3f0c2a5e-8b1d-4c6f-9a2e-5d7b1e0f4c3a"), "half");

        s3.kill();
        s3.restart();

        HttpResponse<String> listing =
                send(HttpRequest.newBuilder(bucket.endpoint().resolve("/faults?list-type=2&prefix=segments/")));
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        assertThat(listing.body()).contains("<Key>segments/0000000000</Key>").doesNotContain("0000000001");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
