package dev.berth.bench;

import dev.berth.testkit.api.RegistryApi;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two instances of one registry on one bucket, sharing the load of the parallel scenarios: half
 * of the pulls, of the small-blob clients and of the manifest GETs' connections on each. Both
 * contenders run as two (registry:2 too supports instances on one bucket with one http.secret),
 * so the ratio compares two with two. Any failed request fails the run, as in every scenario.
 */
final class Replicas {
    static final String SUFFIX = ", two replicas";
    /** Content for the small blobs none of the round's blobs has: blobs already stored would not be new. */
    private static final long SMALL_BLOB_SEED = 2;

    private final Tools tools;
    private final Pulls pulls;
    private final Pushes pushes;
    private final ManifestReads manifests;

    Replicas(Tools tools, Pulls pulls, Pushes pushes, ManifestReads manifests) {
        this.tools = tools;
        this.pulls = pulls;
        this.pushes = pushes;
        this.manifests = manifests;
    }

    /**
     * @param storage the bucket the round filled: it holds {@code blob} and {@code image}
     * @param engines told the SHA-256 engine each Berth replica reports
     */
    List<Measurement> measure(
            Contender contender, Storage storage, Path workDir, BlobFile blob, SeededImage image, EngineLog engines)
            throws Exception {
        try (RunningRegistry first = RunningRegistry.start(contender, tools, storage, workDir, "replica-1", Map.of());
                RunningRegistry second =
                        RunningRegistry.start(contender, tools, storage, workDir, "replica-2", Map.of())) {
            engines.record(contender, "replica 1", first);
            engines.record(contender, "replica 2", second);
            List<URI> urls = List.of(first.url(), second.url());
            List<Measurement> figures = new ArrayList<>();
            figures.add(pulls.parallel(urls, blob, false, SUFFIX));
            figures.add(pushes.smallBlobs(
                    urls.stream().map(RegistryApi::new).toList(), "bench/small-replicas", SMALL_BLOB_SEED, SUFFIX));
            figures.addAll(manifests.getOnReplicas(urls, image, SUFFIX));
            return figures;
        }
    }
}
