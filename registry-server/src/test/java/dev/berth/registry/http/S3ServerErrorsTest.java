package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry on an S3 server that answers its writes with server errors for a while. */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Uploads on S3 when S3 answers writes with 500 or 503")
class S3ServerErrorsTest {
    private static final String REPO = "library/s3-errors";
    private static final int MIB = 1 << 20;

    private static InProcessS3 s3;

    @BeforeAll
    static void server() throws Exception {
        s3 = InProcessS3.get();
    }

    @AfterEach
    void healS3() {
        s3.stopFailingWrites();
    }

    @ParameterizedTest(name = "S3 answering {0}")
    @ValueSource(ints = {500, 503})
    @DisplayName("a chunk gets a 5xx with the spec's error body, no blob appears, and once S3 recovers the upload"
            + " resumes from its last good offset on another replica and completes with the right digest")
    void serverErrorsMidUpload(int s3Status) throws Exception {
        Map<String, String> bucket = s3.newBucket("registry").berthSettings(false);
        try (InProcessBerth failed = InProcessBerth.start(bucket);
                InProcessBerth other = InProcessBerth.start(bucket)) {
            RegistryClient api = failed.client();
            Content blob = Content.random(3 * MIB);
            String location = Uploads.open(api, REPO);
            String next = Uploads.chunk(api, location, blob.bytes(), 0, MIB)
                    .hasStatus(202)
                    .header("Location");

            s3.failWrites(s3Status);
            Reply refused = Uploads.chunk(api, next, blob.bytes(), MIB, 2 * MIB);

            assertThat(refused.status()).isBetween(500, 599);
            JsonObject error =
                    new JsonObject(refused.text()).getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("code")).isNotBlank();
            assertThat(error.getString("message")).isNotBlank();
            api.head("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(404);

            s3.stopFailingWrites();
            RegistryClient resumer = other.client();
            resumer.get(next).hasStatus(204).hasHeader("Range", "0-" + (MIB - 1));
            Reply resumed =
                    Uploads.chunk(resumer, next, blob.bytes(), MIB, 3 * MIB).hasStatus(202);
            Uploads.finish(resumer, resumed.header("Location"), blob)
                    .hasStatus(201)
                    .hasHeader("Docker-Content-Digest", blob.digest().toString());
            assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest())
                            .hasStatus(200)
                            .body())
                    .isEqualTo(blob.bytes());
        }
    }
}
