package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.storage.s3.S3ReadBuffers;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3DefaultChain;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Berth on S3 warms up its blob GETs before it listens ({@code storage.s3.warmUp}): it relays the
 * bytes asked for over loopback through servers of its own kind, then serves the API as before;
 * with redirects on, or 0 bytes, it relays none.
 */
@DisplayName("The warm-up of blob GETs when Berth starts on S3")
class S3WarmUpTest {
    private static final String REPO = "library/warm";
    private static final int MIB = 1 << 20;

    private Map<String, String> settings;

    @BeforeEach
    void bucket() throws Exception {
        S3DefaultChain.useInProcessKeys();
        settings = new HashMap<>(InProcessS3.get().newBucket("registry").berthSettings(false));
    }

    @AfterEach
    void keys() {
        S3DefaultChain.clear();
    }

    @Test
    @DisplayName("relays the bytes storage.s3.warmUp asks for before it listens, gives every pooled buffer back,"
            + " then serves as before")
    void warmsUp() {
        long inUseBefore = S3ReadBuffers.inUse();
        settings.put(S3Bucket.WARM_UP, "8MiB");
        try (InProcessBerth server = InProcessBerth.start(settings)) {
            assertThat(server.warmedUpBytes()).isEqualTo(8L * MIB);
            Await.until("every pooled S3 read buffer released", () -> S3ReadBuffers.inUse() <= inUseBefore);

            Content blob = new Pushes(server.client()).blob(REPO, Content.random(3 * MIB));
            assertThat(server.client()
                            .get("/v2/" + REPO + "/blobs/" + blob.digest())
                            .body())
                    .isEqualTo(blob.bytes());
        }
    }

    @Test
    @DisplayName("relays nothing with 0, nor with blob GETs redirected to S3")
    void nothingToWarm() {
        try (InProcessBerth server = InProcessBerth.start(settings)) {
            assertThat(server.warmedUpBytes()).as("warmUp: 0").isZero();
        }
        settings.put(S3Bucket.WARM_UP, "8MiB");
        settings.put("BERTH_STORAGE_S3_REDIRECT", "true");
        try (InProcessBerth server = InProcessBerth.start(settings)) {
            assertThat(server.warmedUpBytes()).as("redirect: true").isZero();
        }
    }
}
