package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.berth.bench.Measurement.Unit.MIB;
import static dev.berth.bench.Measurement.Unit.MILLISECONDS;

/** Every scenario, once, against one freshly started registry with an empty storage directory. */
final class Round {
    private final Tools tools;
    private final Path workDir;
    private final BlobFile monolithicBlob;
    private final BlobFile chunkedBlob;
    private final Pushes pushes;
    private final Pulls pulls;
    private final ManifestReads manifests;
    private final Listings listings;

    Round(BenchPlan plan, Tools tools, Path workDir, BlobFile monolithicBlob, BlobFile chunkedBlob) {
        this.tools = tools;
        this.workDir = workDir;
        this.monolithicBlob = monolithicBlob;
        this.chunkedBlob = chunkedBlob;
        this.pushes = new Pushes(plan);
        this.pulls = new Pulls(plan, tools);
        this.manifests = new ManifestReads(plan, tools);
        this.listings = new Listings(plan);
    }

    List<Measurement> run(Contender contender) throws Exception {
        Path dataDir = workDir.resolve("data-" + contender.name().toLowerCase());
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        List<Measurement> figures = new ArrayList<>();
        try (RunningRegistry registry = RunningRegistry.start(contender, tools, dataDir, workDir)) {
            figures.add(new Measurement("start to first 200 on /v2/", MILLISECONDS, registry.startupMillis()));
            DistributionApi api = new DistributionApi(registry.url());
            figures.add(pushes.monolithic(api, monolithicBlob));
            figures.add(pushes.chunked(api, chunkedBlob));
            figures.add(pushes.smallBlobs(api));
            figures.add(pulls.one(registry.url(), monolithicBlob));
            figures.add(pulls.parallel(registry.url(), monolithicBlob));
            SeededImage image = SeededImage.push(api);
            figures.addAll(manifests.measure(registry.url(), image));
            listings.seed(api, image);
            figures.addAll(listings.measure(api));
            figures.add(new Measurement("peak RSS over the round", MIB, registry.peakRssMib()));
        } finally {
            deleteTree(dataDir);
        }
        return figures;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
