package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MIB;
import static dev.berth.bench.Measurement.Unit.MILLISECONDS;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.s3.S3ProxyProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every scenario, once, against one freshly started registry with an empty storage directory or bucket. */
final class Round {
    private final Tools tools;
    private final Path workDir;
    private final BlobFile monolithicBlob;
    private final BlobFile chunkedBlob;
    private final Pushes pushes;
    private final Pulls pulls;
    private final ManifestReads manifests;
    private final Listings listings;
    private final MirrorPulls mirrorPulls;
    private final UiPages uiPages;
    /** The S3 server when the run is on S3; null on the filesystem. */
    private final S3ProxyProcess s3;

    private int buckets;

    Round(BenchPlan plan, Tools tools, Path workDir, BlobFile monolithicBlob, BlobFile chunkedBlob, S3ProxyProcess s3) {
        this.tools = tools;
        this.s3 = s3;
        this.workDir = workDir;
        this.monolithicBlob = monolithicBlob;
        this.chunkedBlob = chunkedBlob;
        this.pushes = new Pushes(plan);
        this.pulls = new Pulls(plan, tools);
        this.manifests = new ManifestReads(plan, tools);
        this.listings = new Listings(plan);
        this.mirrorPulls = new MirrorPulls(plan, tools, pulls);
        this.uiPages = new UiPages(plan);
    }

    List<Measurement> run(Contender contender) throws Exception {
        Storage storage = freshStorage(contender);
        List<Measurement> figures = new ArrayList<>();
        try (RunningRegistry registry = RunningRegistry.start(contender, tools, storage, workDir)) {
            figures.add(new Measurement("start to first 200 on /v2/", MILLISECONDS, registry.startupMillis()));
            RegistryApi api = new RegistryApi(registry.url());
            figures.add(pushes.monolithic(api, monolithicBlob));
            figures.add(pushes.chunked(api, chunkedBlob));
            figures.add(pushes.smallBlobs(api));
            figures.add(pulls.one(registry.url(), monolithicBlob));
            figures.add(pulls.parallel(registry.url(), monolithicBlob));
            SeededImage image = SeededImage.push(api);
            figures.addAll(manifests.measure(registry.url(), image));
            listings.seed(api, image);
            figures.addAll(listings.measure(api));
            if (contender == Contender.BERTH) {
                uiPages.seed(api, image);
                figures.addAll(uiPages.measure(registry.url(), image));
            }
            figures.add(new Measurement("peak RSS over the round", MIB, registry.peakRssMib()));
        } finally {
            discard(storage);
        }
        Storage mirrorStorage = freshStorage(contender);
        try {
            figures.addAll(mirrorPulls.measure(contender, mirrorStorage, workDir, monolithicBlob));
        } finally {
            discard(mirrorStorage);
        }
        return figures;
    }

    private Storage freshStorage(Contender contender) throws IOException, InterruptedException {
        String name = contender.name().toLowerCase();
        if (s3 != null) {
            return new Storage.S3(s3.newBucket(name + "-" + ++buckets));
        }
        Path dataDir = workDir.resolve("data-" + name);
        ScratchDir.deleteRecursively(dataDir);
        return new Storage.Filesystem(Files.createDirectories(dataDir));
    }

    private void discard(Storage storage) throws IOException {
        if (storage instanceof Storage.Filesystem fs) {
            ScratchDir.deleteRecursively(fs.dataDir());
        } else if (storage instanceof Storage.S3 bucket) {
            ScratchDir.deleteRecursively(s3.bucketDirectory(bucket.bucket()));
        }
    }
}
