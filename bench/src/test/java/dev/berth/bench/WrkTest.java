package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading wrk's summary")
class WrkTest {
    private static final String SUMMARY = """
            Running 3s test @ http://127.0.0.1:5000/v2/bench/app/manifests/latest
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     3.21ms    1.02ms  21.30ms   88.10%
                Req/Sec    10.01k   512.33    11.20k    70.00%
              Latency Distribution
                 50%    3.01ms
                 75%    3.55ms
                 90%    4.20ms
                 99%  %s
              59812 requests in 3.00s, 41.20MB read
            Requests/sec:  19931.44
            Transfer/sec:     13.73MB
            """;

    @Test
    @DisplayName("takes the request rate and the 99th percentile latency, in milliseconds whatever unit wrk chose")
    void rateAndP99() throws IOException {
        assertThat(Wrk.parse(SUMMARY.replace("%s", "  7.80ms"))).isEqualTo(new LoadResult(19931.44, 7.80));
        assertThat(Wrk.parse(SUMMARY.replace("%s", "880.00us")).p99Millis()).isEqualTo(0.88);
        assertThat(Wrk.parse(SUMMARY.replace("%s", "    1.50s")).p99Millis()).isEqualTo(1500.0);
    }

    @Test
    @DisplayName("refuses a run in which requests failed: an error answered fast is no result")
    void failedRequests() {
        String withErrors = SUMMARY.replace("%s", "  7.80ms")
                .replace("Requests/sec", "  Non-2xx or 3xx responses: 12\nRequests/sec");
        assertThatThrownBy(() -> Wrk.parse(withErrors)).hasMessageContaining("12 requests failed");
    }

    @Test
    @DisplayName("refuses a run that completed no request (a hung connection) rather than reporting zero")
    void nothingCompleted() {
        String hung = SUMMARY.replace("%s", "  0.00us").replace("19931.44", "0.00");
        assertThatThrownBy(() -> Wrk.parse(hung)).hasMessageContaining("no request completed");
    }

    @Test
    @DisplayName("refuses output it does not understand rather than reporting zero")
    void garbage() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:5000 Connection refused"))
                .hasMessageContaining("unexpected wrk output");
    }

    @Test
    @DisplayName("adds up the rates of loads run side by side on replicas, and keeps the worst p99")
    void together() {
        assertThat(Wrk.together(List.of(new LoadResult(1000, 4.5), new LoadResult(1200, 9.0))))
                .isEqualTo(new LoadResult(2200, 9.0));
    }
}
