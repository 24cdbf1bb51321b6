package dev.berth.registry.metrics;

import dev.berth.registry.ops.OpsRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.berth.registry.ops.OpsRegistry.digest;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("/metrics")
class MetricsEndpointTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("Counts requests by endpoint, method and status (never by repository), with latency histograms, bytes and storage timings")
    void requestsAndStorage() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of())) {
            String blob = "some layer bytes";
            String digest = digest(blob);
            assertThat(registry.send("POST", "/v2/team/secret-project/blobs/uploads/?digest=" + digest, blob).statusCode())
                    .isEqualTo(201);
            assertThat(registry.get("/v2/team/secret-project/blobs/" + digest).body()).isEqualTo(blob);
            assertThat(registry.get("/v2/team/secret-project/manifests/missing").statusCode()).isEqualTo(404);

            HttpResponse<String> scrape = registry.get("/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            String text = scrape.body();
            assertThat(text)
                    .contains("berth_http_requests_seconds_count{method=\"POST\",route=\"uploads\",status=\"201\"} 1")
                    .contains("berth_http_requests_seconds_count{method=\"GET\",route=\"blob\",status=\"200\"} 1")
                    .contains("berth_http_requests_seconds_count{method=\"GET\",route=\"manifest\",status=\"404\"} 1")
                    .contains("berth_http_requests_seconds_bucket{method=\"GET\",route=\"blob\",status=\"200\",le=")
                    .contains("berth_http_sent_bytes_total{route=\"blob\"} " + (double) blob.length())
                    .contains("berth_uploads_in_flight 0")
                    .contains("berth_storage_operations_seconds_count{operation=\"move\",outcome=\"success\"}")
                    .contains("berth_gc_runs_total 0")
                    .doesNotContain("secret-project");
        }
    }

    @Test
    @DisplayName("Counts garbage collections and the bytes they freed, not the dry runs")
    void garbageCollections() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of("BERTH_GC_GRACEPERIOD", "0"))) {
            String blob = "a layer no manifest will reference";
            assertThat(registry.send("POST", "/v2/team/app/blobs/uploads/?digest=" + digest(blob), blob).statusCode())
                    .isEqualTo(201);

            assertThat(registry.send("POST", "/_berth/admin/gc", "{\"dryRun\": true}").statusCode()).isEqualTo(200);
            assertThat(registry.get("/metrics").body()).contains("berth_gc_runs_total 0");
            assertThat(registry.send("POST", "/_berth/admin/gc", "").statusCode()).isEqualTo(200);

            assertThat(registry.get("/metrics").body()).contains("berth_gc_runs_total 1")
                    .contains("berth_gc_freed_bytes_total " + (double) blob.length());
        }
    }

    @Test
    @DisplayName("With metrics.listen, /metrics is served on that port and not on the API's")
    void separatePort() throws Exception {
        int port = freePort();
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of("BERTH_METRICS_LISTEN", "127.0.0.1:" + port))) {
            assertThat(registry.get("/metrics").statusCode()).isEqualTo(404);
            HttpResponse<String> scrape = registry.send("GET", URI.create("http://127.0.0.1:" + port + "/metrics"), null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("berth_http_requests_seconds_count{method=\"GET\",route=\"unknown\",status=\"404\"} 1");
        }
    }

    @Test
    @DisplayName("With metrics.enabled false there is no /metrics")
    void disabled() throws Exception {
        try (OpsRegistry registry = OpsRegistry.start(root, Map.of("BERTH_METRICS_ENABLED", "false"))) {
            assertThat(registry.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
