package dev.berth.registry.metrics;

import static java.net.http.HttpRequest.BodyPublishers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/metrics")
class MetricsEndpointTest {
    @TempDir
    Path root;

    @Test
    @DisplayName(
            "Counts requests by endpoint, method and status (never by repository), with latency histograms, bytes and storage timings")
    void requestsAndStorage() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of())) {
            RegistryClient api = registry.client();
            String blob = "some layer bytes";
            String digest = digest(blob);
            assertThat(api.send("POST", "/v2/team/secret-project/blobs/uploads/?digest=" + digest, ofString(blob))
                            .status())
                    .isEqualTo(201);
            assertThat(api.get("/v2/team/secret-project/blobs/" + digest).text())
                    .isEqualTo(blob);
            assertThat(api.get("/v2/team/secret-project/manifests/missing").status())
                    .isEqualTo(404);

            Reply scrape = api.get("/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            String text = scrape.text();
            assertThat(text)
                    .contains("berth_http_requests_seconds_count{method=\"POST\",route=\"uploads\",status=\"201\"} 1")
                    .contains("berth_http_requests_seconds_count{method=\"GET\",route=\"blob\",status=\"200\"} 1")
                    .contains("berth_http_requests_seconds_count{method=\"GET\",route=\"manifest\",status=\"404\"} 1")
                    .contains("berth_http_requests_seconds_bucket{method=\"GET\",route=\"blob\",status=\"200\",le=")
                    .contains("berth_http_sent_bytes_total{route=\"blob\"} " + (double) blob.length())
                    .contains("berth_uploads_in_flight 0")
                    .contains("berth_storage_operations_seconds_count{operation=\"writer\",outcome=\"success\"}")
                    .contains("berth_gc_runs_total 0")
                    .doesNotContain("secret-project");
        }
    }

    @Test
    @DisplayName("Counts garbage collections and the bytes they freed, not the dry runs")
    void garbageCollections() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of("BERTH_GC_GRACEPERIOD", "0"))) {
            RegistryClient api = registry.client();
            String blob = "a layer no manifest will reference";
            assertThat(api.send("POST", "/v2/team/app/blobs/uploads/?digest=" + digest(blob), ofString(blob))
                            .status())
                    .isEqualTo(201);

            assertThat(api.send("POST", "/_berth/admin/gc", ofString("{\"dryRun\": true}"))
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/metrics").text()).contains("berth_gc_runs_total 0");
            assertThat(api.send("POST", "/_berth/admin/gc", ofString("")).status())
                    .isEqualTo(200);

            assertThat(api.get("/metrics").text())
                    .contains("berth_gc_runs_total 1")
                    .contains("berth_gc_freed_bytes_total " + (double) blob.length());
        }
    }

    @Test
    @DisplayName("With metrics.listen, /metrics is served on that port and not on the API's")
    void separatePort() throws Exception {
        int port = freePort();
        try (InProcessBerth registry =
                InProcessBerth.start(root, Map.of("BERTH_METRICS_LISTEN", "127.0.0.1:" + port))) {
            RegistryClient api = registry.client();
            assertThat(api.get("/metrics").status()).isEqualTo(404);
            Reply scrape = api.get("http://127.0.0.1:" + port + "/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.text())
                    .contains("berth_http_requests_seconds_count{method=\"GET\",route=\"unknown\",status=\"404\"} 1");
        }
    }

    @Test
    @DisplayName("With metrics.enabled false there is no /metrics")
    void disabled() throws Exception {
        try (InProcessBerth registry = InProcessBerth.start(root, Map.of("BERTH_METRICS_ENABLED", "false"))) {
            RegistryClient api = registry.client();
            assertThat(api.get("/metrics").status()).isEqualTo(404);
        }
    }

    private static String digest(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
