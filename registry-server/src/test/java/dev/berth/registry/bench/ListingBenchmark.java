package dev.berth.registry.bench;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.registry.core.PushedManifest;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RegistryOptions;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.s3.S3Relay;
import dev.berth.testkit.s3.S3RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A measurement, not a test: fills an in-process S3 (S3Proxy) with one repository of 5,000 tags
 * among other repositories, then times the listings and deletions and counts the S3 requests
 * each one makes. Run it with {@code bench/listing}; docs/storage.md quotes its figures.
 */
public final class ListingBenchmark {
    private static final String REPOSITORY = "bench/app";
    private static final int MANIFESTS = 1_000;
    private static final int TAGS_PER_MANIFEST = 5;
    private static final int OTHER_REPOSITORIES = 500;
    private static final int IN_FLIGHT = 64;
    private static final int DELETES = 5;

    private final S3RequestLog s3;
    private final Registry registry;

    private ListingBenchmark(S3RequestLog s3, Registry registry) {
        this.s3 = s3;
        this.registry = registry;
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        S3Bucket bucket = InProcessS3.get().newBucket("");
        S3Relay relay = new S3Relay(bucket.endpoint());
        StorageDriver driver = S3TestClients.driver(vertx, S3TestClients.settings(relay.relayed(bucket)));
        try {
            new ListingBenchmark(relay.requests(), new Registry(driver, RegistryOptions.defaults())).run();
        } finally {
            Await.result(driver.close());
            Await.result(vertx.close());
            System.exit(0);
        }
    }

    private void run() {
        long started = System.nanoTime();
        List<Digest> manifests = fill();
        System.out.printf(
                "filled %d tags over %d manifests in %s, and %d other repositories, in %d s (%d S3 requests)%n",
                MANIFESTS * TAGS_PER_MANIFEST,
                MANIFESTS,
                REPOSITORY,
                OTHER_REPOSITORIES,
                (System.nanoTime() - started) / 1_000_000_000L,
                s3.total());

        measure("tags list, all 5,000", () -> registry.tags().list(REPOSITORY, null, null));
        measure("tags list, n=100", () -> registry.tags().list(REPOSITORY, 100, null));
        measure("catalog, first request", () -> registry.catalog().list(null, null));
        measure("catalog, all 501", () -> registry.catalog().list(null, null));
        measure("catalog, n=100", () -> registry.catalog().list(100, null));
        for (int i = 0; i < DELETES; i++) {
            Digest doomed = manifests.get(i);
            measure(
                    "manifest delete " + (i + 1) + " (removes " + TAGS_PER_MANIFEST + " tags)",
                    () -> registry.manifests().delete(REPOSITORY, doomed.toString()));
        }
        measure("untag (tag delete)", () -> registry.manifests().delete(REPOSITORY, tag(DELETES, 0)));
    }

    private List<Digest> fill() {
        List<Supplier<Future<Digest>>> pushes = new ArrayList<>();
        for (int r = 0; r < OTHER_REPOSITORIES; r++) {
            String repository = "team-" + r % 50 + "/service-" + r;
            pushes.add(() -> push(repository, "latest", repository));
        }
        for (int m = 0; m < MANIFESTS; m++) {
            String tag = tag(m, 0);
            String label = "build " + m;
            pushes.add(() -> push(REPOSITORY, tag, label));
        }
        List<Digest> pushed = inBatches(pushes);
        List<Supplier<Future<Digest>>> aliases = new ArrayList<>();
        for (int m = 0; m < MANIFESTS; m++) {
            for (int t = 1; t < TAGS_PER_MANIFEST; t++) {
                String tag = tag(m, t);
                String label = "build " + m;
                aliases.add(() -> push(REPOSITORY, tag, label));
            }
        }
        inBatches(aliases);
        return pushed.subList(OTHER_REPOSITORIES, pushed.size());
    }

    private static String tag(int manifest, int alias) {
        return "v" + manifest + "." + alias;
    }

    private Future<Digest> push(String repository, String tag, String label) {
        Buffer index = Buffer.buffer("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX
                + "\",\"manifests\":[],\"annotations\":{\"label\":\"" + label + "\"}}");
        return registry.manifests()
                .put(repository, tag, index, MediaTypes.OCI_INDEX)
                .map(PushedManifest::digest);
    }

    /** Runs the pushes {@link #IN_FLIGHT} at a time: S3 clients queue rather than flood. */
    private static List<Digest> inBatches(List<Supplier<Future<Digest>>> pushes) {
        List<Digest> done = new ArrayList<>();
        for (int from = 0; from < pushes.size(); from += IN_FLIGHT) {
            List<Future<Digest>> batch = new ArrayList<>();
            for (Supplier<Future<Digest>> push : pushes.subList(from, Math.min(pushes.size(), from + IN_FLIGHT))) {
                batch.add(push.get());
            }
            done.addAll(Await.result(Future.all(batch)).<Digest>list());
        }
        return done;
    }

    private void measure(String operation, Supplier<Future<?>> call) {
        s3.clear();
        long started = System.nanoTime();
        Await.result(call.get());
        long micros = (System.nanoTime() - started) / 1_000;
        System.out.printf("%-45s %8.1f ms %6d S3 requests %s%n", operation, micros / 1000.0, s3.total(), s3.counts());
    }
}
