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
import java.util.Map;
import java.util.Optional;

/**
 * Every scenario, once, against one freshly started registry with an empty storage directory or
 * bucket. On S3 the same bucket is then served with blob redirects on, and by two instances at
 * once. Berth also pushes once more with the JDK's SHA-256 engine, in an instance of its own.
 */
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
    private final Replicas replicas;
    private final EngineLog engines;
    /** The S3 server when the run is on S3; null on the filesystem. */
    private final S3ProxyProcess s3;

    private int buckets;

    Round(
            BenchPlan plan,
            Tools tools,
            Path workDir,
            BlobFile monolithicBlob,
            BlobFile chunkedBlob,
            S3ProxyProcess s3,
            EngineLog engines) {
        this.tools = tools;
        this.s3 = s3;
        this.workDir = workDir;
        this.monolithicBlob = monolithicBlob;
        this.chunkedBlob = chunkedBlob;
        this.pushes = new Pushes(plan);
        this.pulls = new Pulls(plan, tools);
        this.manifests = new ManifestReads(plan, tools);
        this.listings = new Listings(plan);
        this.mirrorPulls = new MirrorPulls(plan, tools, pulls, engines);
        this.uiPages = new UiPages(plan);
        this.replicas = new Replicas(tools, pulls, pushes, manifests);
        this.engines = engines;
    }

    List<Measurement> run(Contender contender) throws Exception {
        Optional<Measurement> jdkPush =
                contender == Contender.BERTH ? Optional.of(pushWithJdkSha256()) : Optional.empty();
        Storage storage = freshStorage(contender);
        List<Measurement> figures = new ArrayList<>();
        try {
            SeededImage image;
            try (RunningRegistry registry = RunningRegistry.start(contender, tools, storage, workDir)) {
                engines.record(contender, "the round's instance", registry);
                figures.add(new Measurement("start to first 200 on /v2/", MILLISECONDS, registry.startupMillis()));
                RegistryApi api = new RegistryApi(registry.url());
                figures.add(pushes.monolithic(api, monolithicBlob));
                jdkPush.ifPresent(figures::add);
                figures.add(pushes.chunked(api, chunkedBlob));
                figures.add(pushes.smallBlobs(api));
                figures.add(pulls.first(registry.url(), monolithicBlob));
                figures.add(pulls.warm(registry.url(), monolithicBlob));
                figures.add(pulls.parallel(registry.url(), monolithicBlob, false));
                image = SeededImage.push(api);
                figures.addAll(manifests.measure(registry.url(), image));
                listings.seed(api, image);
                figures.addAll(listings.measure(api));
                if (contender == Contender.BERTH) {
                    uiPages.seed(api, image);
                    figures.addAll(uiPages.measure(registry.url(), image));
                }
                figures.add(new Measurement("peak RSS over the round", MIB, registry.peakRssMib()));
            }
            // The bucket the round filled, served again: with redirects, then by two instances.
            if (storage instanceof Storage.S3 bucket) {
                figures.addAll(redirectedPulls(contender, bucket.redirecting()));
                figures.addAll(replicas.measure(contender, storage, workDir, monolithicBlob, image, engines));
            }
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

    /** The pulls again with the registry answering each blob GET with a redirect to S3, which curl follows. */
    private List<Measurement> redirectedPulls(Contender contender, Storage.S3 storage) throws Exception {
        try (RunningRegistry registry =
                RunningRegistry.start(contender, tools, storage, workDir, "redirect", Map.of())) {
            engines.record(contender, "redirect", registry);
            pulls.verify(registry.url(), monolithicBlob, true);
            return List.of(
                    pulls.one(registry.url(), monolithicBlob, true),
                    pulls.parallel(registry.url(), monolithicBlob, true));
        }
    }

    /** The monolithic push into a Berth that skips OpenSSL, on storage of its own. */
    private Measurement pushWithJdkSha256() throws Exception {
        Storage storage = freshStorage(Contender.BERTH);
        try (RunningRegistry registry = RunningRegistry.start(
                Contender.BERTH,
                tools,
                storage,
                workDir,
                "jdk-sha256",
                // Added to bin/berth-registry's JVM options rather than replacing them (BERTH_JAVA_OPTS would).
                Map.of("JAVA_TOOL_OPTIONS", "-Dberth.sha256.engine=jdk"))) {
            engines.record(Contender.BERTH, "JDK's SHA-256 push", registry);
            return pushes.monolithicWithJdkSha256(new RegistryApi(registry.url()), monolithicBlob);
        } finally {
            discard(storage);
        }
    }

    private Storage freshStorage(Contender contender) throws IOException, InterruptedException {
        String name = contender.name().toLowerCase();
        if (s3 != null) {
            return new Storage.S3(s3.newBucket(name + "-" + ++buckets), false);
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
