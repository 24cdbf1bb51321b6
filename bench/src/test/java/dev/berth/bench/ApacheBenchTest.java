package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading ab's summary")
class ApacheBenchTest {
    private static final String SUMMARY = """
            Concurrency Level:      64
            Time taken for tests:   2.000 seconds
            Complete requests:      11160
            Failed requests:        FAILED
            Keep-Alive requests:    11160
            Requests per second:    5579.84 [#/sec] (mean)
            Percentage of the requests served within a certain time (ms)
              50%      9
              66%     10
              95%     31
              98%     44
              99%     53
             100%     86 (longest request)
            """;

    @Test
    @DisplayName("takes the request rate and the 99th percentile, which ab gives in milliseconds")
    void rateAndP99() throws IOException {
        assertThat(ApacheBench.parse(SUMMARY.replace("FAILED", "0"))).isEqualTo(new LoadResult(5579.84, 53));
    }

    @Test
    @DisplayName("refuses a run with failed or non-2xx requests")
    void failures() {
        assertThatThrownBy(() -> ApacheBench.parse(SUMMARY.replace("FAILED", "3")))
                .hasMessageContaining("3 requests failed");
        String errors = SUMMARY.replace("FAILED", "0").replace("Keep-Alive", "Non-2xx responses:      7\nKeep-Alive");
        assertThatThrownBy(() -> ApacheBench.parse(errors)).hasMessageContaining("7 requests failed");
    }
}
