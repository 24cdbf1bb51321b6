package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import dev.berth.testkit.s3.S3Bucket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(InProcessS3Keys.class)
@DisplayName("Blob GETs on S3 with storage.s3.redirect")
class BlobRedirectTest {
    private static final String REPO = "library/redirected";

    @TempDir
    Path tempDir;

    private InProcessS3 s3;
    private S3Bucket bucket;
    private InProcessBerth server;
    private RegistryClient api;
    private Content blob;
    private String url;

    @BeforeEach
    void startOnS3() throws Exception {
        s3 = InProcessS3.get();
        bucket = s3.newBucket("registry");
        server = InProcessBerth.start(bucket.berthSettings(true));
        api = server.client();
        blob = new Pushes(api).randomBlob(REPO, 100_000);
        url = "/v2/" + REPO + "/blobs/" + blob.digest();
    }

    @AfterEach
    void stop() {
        server.close();
        s3.deleteBucket(bucket.name());
    }

    @Test
    @DisplayName("a whole-blob GET answers 307 to a pre-signed URL that serves the blob's bytes")
    void redirects() throws Exception {
        Reply reply = api.get(url);

        reply.hasStatus(307).hasHeader("Docker-Content-Digest", blob.digest().toString());
        URI location = URI.create(reply.header("Location"));
        assertThat(location.getPort()).isEqualTo(s3.endpoint().getPort());
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a ranged GET is answered by the registry itself with 206 and the range")
    void rangedGetStreams() {
        Reply reply = api.get(url, "Range", "bytes=10-19");

        reply.hasStatus(206).hasHeader("Content-Range", "bytes 10-19/100000");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(blob.bytes(), 10, 20));
    }

    @Test
    @DisplayName("a HEAD is answered by the registry itself with the size and digest")
    void headIsNotRedirected() {
        api.head(url)
                .hasStatus(200)
                .hasHeader("Content-Length", "100000")
                .hasHeader("Docker-Content-Digest", blob.digest().toString());
    }
}
