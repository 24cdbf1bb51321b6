package dev.berth.bench;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.s3.S3ProxyProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bench/soak's driver: hours of mixed traffic in minutes' worth of samples, judged for growth and loss. */
@Command(
        name = "bench/soak",
        mixinStandardHelpOptions = true,
        description = "Runs mixed pushes, pulls, deletes and online garbage collection against berth-registry"
                + " for a while, samples its resources once a minute and fails if any grows without bound"
                + " or an accepted image does not pull whole at the end.")
public final class SoakCommand implements Callable<Integer> {
    private static final double MIB = 1024.0 * 1024.0;
    /** The figures judged, each with its allowance (see GrowthRule): noise a JVM under load makes. */
    private static final List<Figure> FIGURES = List.of(
            new Figure(new GrowthRule("RSS", "MiB", 0.20, 32), sample -> sample.residentBytes() / MIB),
            new Figure(new GrowthRule("heap after GC", "MiB", 0.20, 16), sample -> sample.heapAfterGcBytes() / MIB),
            new Figure(new GrowthRule("open files", "files", 0.20, 32), ResourceSample::openFiles),
            new Figure(new GrowthRule("threads", "threads", 0.20, 8), ResourceSample::threads));

    private record Figure(GrowthRule rule, ToDoubleFunction<ResourceSample> value) {}

    @Option(
            names = "--minutes",
            defaultValue = "30",
            description = "How long the load runs (default: ${DEFAULT-VALUE}).")
    private int minutes;

    @Option(
            names = "--storage",
            paramLabel = "fs|s3",
            defaultValue = "fs",
            description = "The registry on the filesystem (default), or on S3 (S3Proxy over files, its own process).")
    private BenchCommand.Backend storage;

    @Option(names = "--clients", defaultValue = "4", description = "Client threads (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(
            names = "--sample-seconds",
            defaultValue = "60",
            description = "Seconds between resource samples (default: ${DEFAULT-VALUE}); the run needs three or more.")
    private int sampleSeconds;

    @Option(
            names = "--gc-seconds",
            defaultValue = "30",
            description = "Seconds between garbage collections through the admin API (default: ${DEFAULT-VALUE}).")
    private int gcSeconds;

    @Option(
            names = "--max-live",
            defaultValue = "150",
            description = "Live images at which pushes give way to deletes (default: ${DEFAULT-VALUE}).")
    private int maxLive;

    @Option(
            names = "--grace",
            defaultValue = "1m",
            description =
                    "The registry's gc.gracePeriod (default: ${DEFAULT-VALUE}): more than twice the longest push.")
    private String gracePeriod;

    @Option(names = "--seed", defaultValue = "16", description = "Seed of the clients' choices and contents.")
    private long seed;

    @Option(names = "--repo", required = true, description = "The Berth checkout whose bin/berth-registry runs.")
    private Path repository;

    @Option(names = "--work", description = "Scratch directory (default: REPO/bench/work/soak).")
    private Path workDir;

    @Option(names = "--out", description = "The report's file (default: REPO/bench/results/soak-STORAGE-TIME.md).")
    private Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (minutes * 60 < GrowthRule.MIN_SAMPLES * sampleSeconds) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--minutes " + minutes + " gives fewer than " + GrowthRule.MIN_SAMPLES + " samples of every "
                            + sampleSeconds + " s: lower --sample-seconds");
        }
        Path work = workDir == null ? repository.resolve("bench/work/soak") : workDir;
        ScratchDir.deleteRecursively(work);
        Files.createDirectories(work);
        SoakReport report;
        if (storage == BenchCommand.Backend.S3) {
            progress("starting the S3 server");
            try (S3ProxyProcess s3 = S3ProxyProcess.start(BenchCommand.benchJar(), work)) {
                report = soak(new Storage.S3(s3.newBucket("soak"), false), work);
            }
        } else {
            report = soak(new Storage.Filesystem(Files.createDirectories(work.resolve("data"))), work);
        }
        String markdown = report.markdown();
        System.out.print(markdown);
        Path file = out == null
                ? repository
                        .resolve("bench/results")
                        .resolve("soak-" + storage.name().toLowerCase() + "-" + BenchCommand.timestamp() + ".md")
                : out;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        progress("report written to " + file);
        return report.passed() ? 0 : 1;
    }

    private SoakReport soak(Storage store, Path work) throws Exception {
        int port = FreePort.pick();
        Map<String, String> environment = Contender.berthEnvironment(store);
        environment.put("BERTH_GC_GRACEPERIOD", gracePeriod);
        progress("starting berth-registry");
        try (RunningRegistry registry = RunningRegistry.launch(
                "berth",
                port,
                Contender.berthCommand(repository.resolve("bin/berth-registry"), port, store),
                environment,
                work.resolve("berth.log"))) {
            RegistryClient client = RegistryClient.forTransfers(registry.url());
            RegistryApi api = new RegistryApi(registry.url());
            SoakTally tally = new SoakTally();
            Ledger ledger = new Ledger();
            SoakLoad load = new SoakLoad(api, client, new SoakImages(seed), ledger, tally, maxLive);
            List<ResourceSample> samples = new CopyOnWriteArrayList<>();
            ResourceSampler sampler = new ResourceSampler(registry.pid());
            ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
            every.scheduleAtFixedRate(
                    () -> {
                        try {
                            ResourceSample sample = load.whileQuiet(sampler::sample);
                            samples.add(sample);
                            progress(String.format(
                                    "%d s: RSS %s, heap after GC %s, %d open files, %d threads; %d pushes, %d pulls,"
                                            + " %d deletes, %d collections, %d errors",
                                    sample.secondsIn(),
                                    SoakReport.mebibytes(sample.residentBytes()),
                                    SoakReport.mebibytes(sample.heapAfterGcBytes()),
                                    sample.openFiles(),
                                    sample.threads(),
                                    tally.pushes.get(),
                                    tally.pulls.get(),
                                    tally.deletes.get(),
                                    tally.gcRuns.get(),
                                    tally.errors()));
                        } catch (RuntimeException | AssertionError e) {
                            tally.error("sampling the registry", e);
                        }
                    },
                    sampleSeconds,
                    sampleSeconds,
                    TimeUnit.SECONDS);
            progress("load for " + minutes + " minute(s) from " + clients + " clients");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            try {
                load.run(clients, deadline, TimeUnit.SECONDS.toNanos(gcSeconds), seed);
            } finally {
                every.shutdown();
                every.awaitTermination(2, TimeUnit.MINUTES);
            }
            progress("final collection, then every live image pulled whole");
            load.collect();
            SoakOperations operations = new SoakOperations(api, client);
            List<SoakImage> live = ledger.liveImages();
            List<String> liveFailures = new ArrayList<>();
            for (SoakImage image : live) {
                try {
                    operations.pullWhole(image);
                } catch (RuntimeException | AssertionError e) {
                    liveFailures.add(image.repository() + ":" + image.tag() + ": " + e);
                }
            }
            List<SoakImage> deleted = ledger.deletedImages();
            List<String> stillThere = deleted.stream()
                    .filter(image -> !operations.isGone(image))
                    .map(image -> image.repository() + ":" + image.tag())
                    .toList();
            return new SoakReport(
                    header(), tally, samples, verdicts(samples), live.size(), liveFailures, deleted.size(), stillThere);
        }
    }

    private static List<GrowthRule.Verdict> verdicts(List<ResourceSample> samples) {
        if (samples.size() < GrowthRule.MIN_SAMPLES) {
            throw new IllegalStateException("only " + samples.size() + " samples were taken: nothing to judge");
        }
        return FIGURES.stream()
                .map(figure -> figure.rule()
                        .judge(samples.stream()
                                .map(sample -> figure.value().applyAsDouble(sample))
                                .toList()))
                .toList();
    }

    private String header() {
        return "Soak of berth-registry on " + storage.name().toLowerCase() + ", " + minutes + " minute(s), "
                + clients + " clients, GC every " + gcSeconds + " s (grace " + gracePeriod + "), at most " + maxLive
                + " live images, samples every " + sampleSeconds + " s; "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", finished "
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void progress(String message) {
        System.err.println("soak: " + message);
    }
}
