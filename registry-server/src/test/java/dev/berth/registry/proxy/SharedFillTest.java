package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.image.PseudoRandomBytes;
import dev.berth.testkit.registry.DistributionProcess;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One upstream fetch per blob, however many clients ask for it, counted where it cannot be
 * mistaken: in the upstream's (registry:2's) access log.
 */
@DisplayName("Pull-through mirror: one upstream fetch per blob")
class SharedFillTest {
    private static final long SIZE = 64L << 20;
    private static final int CLIENTS = 16;
    private static final long SEED = 18;

    @TempDir
    Path dir;

    private DistributionProcess upstream;
    private InProcessBerth berth;
    private RegistryApi api;
    private String digest;

    @BeforeEach
    void start() {
        upstream = DistributionProcess.startWithAccessLog(dir.resolve("upstream"), List.of());
        digest = PseudoRandomBytes.digestOf(SEED, SIZE);
        new RegistryApi(upstream.baseUrl())
                .finishUpload(
                        new RegistryApi(upstream.baseUrl()).startUpload("library/big"),
                        digest,
                        SIZE,
                        () -> new PseudoRandomBytes(SEED, SIZE));
        berth = InProcessBerth.start(
                dir.resolve("berth"), Map.of("BERTH_PROXY_UPSTREAMS", MirrorTest.upstreams(upstream)));
        api = new RegistryApi(berth.url());
    }

    @AfterEach
    void stop() {
        if (berth != null) {
            berth.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private long upstreamGets() {
        return upstream.requestsLogged("GET", "/v2/library/big/blobs/" + digest);
    }

    @Test
    @DisplayName(
            "16 clients pulling one uncached 64 MiB blob at once cause exactly one upstream GET, and all get verified bytes")
    void sixteenClientsOneFetch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        try {
            List<Future<Measured>> pulls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                pulls.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return api.readBlob("hub/library/big", digest);
                }));
            }
            for (Future<Measured> pull : pulls) {
                Measured pulled = pull.get();
                assertThat(pulled.digest()).hasToString(digest);
                assertThat(pulled.length()).isEqualTo(SIZE);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstreamGets()).isEqualTo(1);
        assertThat(berth.client().get("/metrics").text())
                .contains("berth_mirror_upstream_bytes_total{upstream=\"hub\"} " + (double) SIZE);
    }

    @Test
    @DisplayName("A client that disconnects early does not abort the fill: the next pull comes from the store")
    void disconnectKeepsFilling() throws Exception {
        RegistryClient client = RegistryClient.forTransfers(berth.url());
        HttpResponse<InputStream> response = client.stream("/v2/hub/library/big/blobs/" + digest);
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body.readNBytes(1 << 20)).hasSize(1 << 20);
        }

        assertThat(api.readBlob("hub/library/big", digest).digest()).hasToString(digest);
        assertThat(upstreamGets()).isEqualTo(1);
    }

    @Test
    @DisplayName("Ranged GETs work on a blob being filled and on the cached blob, without a second upstream fetch")
    void rangedGets() throws Exception {
        RegistryClient client = RegistryClient.forTransfers(berth.url());
        long offset = SIZE - 1000;
        byte[] expected = tail(offset);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            HttpResponse<InputStream> whole = client.stream("/v2/hub/library/big/blobs/" + digest);
            try (InputStream body = whole.body()) {
                // The fill is under way (this client holds it back by not reading on)...
                body.readNBytes(1 << 20);
                Future<byte[]> during = pool.submit(
                        () -> client.get("/v2/hub/library/big/blobs/" + digest, "Range", "bytes=" + offset + "-")
                                .hasStatus(206)
                                .body());
                // ...and finishes once it reads the rest; the ranged GET is answered from the store then.
                body.readAllBytes();
                assertThat(during.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] after = client.get("/v2/hub/library/big/blobs/" + digest, "Range", "bytes=" + offset + "-" + (SIZE - 1))
                .hasStatus(206)
                .body();

        assertThat(after).isEqualTo(expected);
        assertThat(upstreamGets()).isEqualTo(1);
    }

    private static byte[] tail(long offset) throws Exception {
        try (PseudoRandomBytes bytes = new PseudoRandomBytes(SEED, SIZE)) {
            bytes.skipNBytes(offset);
            byte[] rest = bytes.readAllBytes();
            return Arrays.copyOf(rest, rest.length);
        }
    }
}
