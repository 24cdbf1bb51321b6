package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.CapturedLog;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3DefaultChain;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A blob GET on S3 whose body was spliced from S3's socket into the client's (most of it bypasses
 * Vert.x's response) is logged and counted with every byte it sent.
 */
@DisplayName("A blob GET on S3, in the access log and the metrics")
class S3BlobGetBytesTest {
    private static final String REPO = "library/spliced";
    private static final int SIZE = 24 << 20;

    private final CapturedLog log = CapturedLog.of("berth.access");

    @AfterEach
    void stop() {
        log.close();
        S3DefaultChain.clear();
    }

    @Test
    @DisplayName("reports the whole body as sent, spliced bytes included")
    void wholeBodyCounted() throws Exception {
        Content blob = Content.random(SIZE);
        S3DefaultChain.useInProcessKeys();
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("spliced").berthSettings(false));
        settings.put("BERTH_LOG_ACCESSLOG", "true");
        try (InProcessBerth server = InProcessBerth.start(settings)) {
            new Pushes(server.client()).blob(REPO, blob);
            String path = "/v2/" + REPO + "/blobs/" + blob.digest();

            assertThat(server.client().get(path).hasStatus(200).body()).isEqualTo(blob.bytes());

            assertThat(server.client().get("/metrics").text())
                    .contains("berth_http_sent_bytes_total{route=\"blob\"} " + (double) SIZE);
        }
        assertThat(log.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"GET " + "/v2/" + REPO + "/blobs/" + blob.digest() + " HTTP/1.1\" 200 " + SIZE
                                + " "));
    }
}
