package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.image.PseudoRandomBytes;
import dev.berth.testkit.registry.DistributionProcess;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The mirror on S3, with two replicas sharing the bucket and filling the same blob at once. */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("Pull-through mirror on S3, two replicas")
class MirrorOnS3Test {
    private static final long SIZE = 24L << 20;
    private static final long SEED = 1818;
    private static final int CLIENTS_PER_REPLICA = 4;

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "Two replicas filling the same blob at once store it correctly, each fetching it at most once, and serve it from the bucket after")
    void replicasFillOneBlob() throws Exception {
        String digest = PseudoRandomBytes.digestOf(SEED, SIZE);
        DistributionProcess upstream = DistributionProcess.startWithAccessLog(dir.resolve("upstream"), List.of());
        RegistryApi upstreamApi = new RegistryApi(upstream.baseUrl());
        upstreamApi.finishUpload(
                upstreamApi.startUpload("library/big"), digest, SIZE, () -> new PseudoRandomBytes(SEED, SIZE));
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("mirror").berthSettings(false));
        settings.put("BERTH_PROXY_UPSTREAMS", MirrorTest.upstreams(upstream));
        ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_REPLICA);
        try (InProcessBerth first = InProcessBerth.start(settings);
                InProcessBerth second = InProcessBerth.start(settings)) {
            CountDownLatch ready = new CountDownLatch(2 * CLIENTS_PER_REPLICA);
            List<Future<Measured>> pulls = new ArrayList<>();
            for (InProcessBerth replica : List.of(first, second)) {
                RegistryApi api = new RegistryApi(replica.url());
                for (int i = 0; i < CLIENTS_PER_REPLICA; i++) {
                    pulls.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return api.readBlob("hub/library/big", digest);
                    }));
                }
            }
            for (Future<Measured> pull : pulls) {
                assertThat(pull.get().digest()).hasToString(digest);
            }
            long fetches = upstream.requestsLogged("GET", "/v2/library/big/blobs/" + digest);
            assertThat(fetches).isBetween(1L, 2L);

            upstream.close();
            for (InProcessBerth replica : List.of(first, second)) {
                Measured cached = new RegistryApi(replica.url()).readBlob("hub/library/big", digest);
                assertThat(cached.digest()).hasToString(digest);
                assertThat(cached.length()).isEqualTo(SIZE);
            }
        } finally {
            pool.shutdownNow();
            upstream.close();
        }
    }
}
