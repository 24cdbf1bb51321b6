package dev.berth.bench;

import dev.berth.testkit.s3.S3ProxyProcess;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bench/run's driver: every scenario against berth and registry:2, alternating, round after round. */
@Command(
        name = "bench/run",
        mixinStandardHelpOptions = true,
        description = "Benchmarks berth-registry against CNCF distribution (registry:2) on this machine, side by side.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smaller sizes and one round: a few minutes, for development.")
    private boolean quick;

    @Option(names = "--rounds", description = "Rounds to run (default: 3, or 1 with --quick).")
    private Integer rounds;

    @Option(
            names = "--storage",
            paramLabel = "fs|s3",
            defaultValue = "fs",
            description =
                    "Both registries on the filesystem (default), or on one S3 server (S3Proxy over files, its own process).")
    private Backend storage;

    @Option(names = "--repo", required = true, description = "The Berth checkout whose bin/berth-registry is measured.")
    private Path repository;

    @Option(
            names = "--work",
            description = "Scratch directory for blobs and both registries' storage (default: REPO/bench/work).")
    private Path workDir;

    @Option(
            names = "--out",
            description = "File the results are written to (default: REPO/bench/results/PLAN-TIME.md).")
    private Path out;

    enum Backend {
        FS,
        S3
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.full();
        int roundCount = rounds == null ? plan.rounds() : rounds;
        Path work = workDir == null ? repository.resolve("bench/work") : workDir;
        Files.createDirectories(work);
        Tools tools = Tools.find(repository);

        progress("generating test blobs in " + work);
        BlobFile monolithic = BlobFile.generate(work.resolve("blob-monolithic"), plan.blobBytes(), 1);
        BlobFile chunked = BlobFile.generate(work.resolve("blob-chunked"), plan.blobBytes(), 2);
        EngineLog engines = new EngineLog();
        Results results;
        if (storage == Backend.S3) {
            progress("starting the S3 server");
            try (S3ProxyProcess s3 = S3ProxyProcess.start(benchJar(), work)) {
                progress("warming up the S3 server's GETs");
                S3ServerWarmUp.run(s3, monolithic, new Pulls(plan, tools));
                results = rounds(
                        roundCount,
                        plan,
                        tools,
                        new Round(plan, tools, work, monolithic, chunked, s3, engines),
                        work,
                        monolithic);
            }
        } else {
            results = rounds(
                    roundCount,
                    plan,
                    tools,
                    new Round(plan, tools, work, monolithic, chunked, null, engines),
                    work,
                    monolithic);
        }

        String report = header(plan, roundCount) + "\n" + results.table() + "\n"
                + results.fileServerComparison(Pulls.warmRow(plan)) + "\n"
                + engines.report() + "\n"
                + "Every round's figures (berth went first in odd rounds, registry:2 in even ones):\n\n"
                + results.everyRound();
        System.out.print(report);
        Path file = out == null
                ? repository
                        .resolve("bench/results")
                        .resolve(plan.name() + "-" + storage.name().toLowerCase() + "-" + timestamp() + ".md")
                : out;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        progress("results written to " + file);
        return 0;
    }

    private static Results rounds(
            int roundCount, BenchPlan plan, Tools tools, Round round, Path work, BlobFile reference) throws Exception {
        Pulls fileServerPulls = new Pulls(plan, tools);
        Results results = new Results();
        for (int r = 0; r < roundCount; r++) {
            // Alternating who goes first evens out whatever the machine does over time (caches, clocks).
            List<Contender> order = r % 2 == 0
                    ? List.of(Contender.BERTH, Contender.DISTRIBUTION)
                    : List.of(Contender.DISTRIBUTION, Contender.BERTH);
            for (Contender contender : order) {
                progress("round " + (r + 1) + "/" + roundCount + ": " + contender.label);
                results.add(contender, round.run(contender));
            }
            try (FileServer files = FileServer.serve(tools, work)) {
                results.addFileServerPull(
                        fileServerPulls.download(List.of(files.uriOf(reference.path())), reference, false));
            }
        }
        return results;
    }

    private String header(BenchPlan plan, int rounds) {
        return "Berth vs registry:2, " + plan.name() + " plan, storage "
                + storage.name().toLowerCase() + ", "
                + rounds + " round(s), medians; "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "\n";
    }

    /** The jar this runs from: S3Proxy's main class travels in it. */
    static Path benchJar() throws URISyntaxException {
        return Path.of(BenchCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The time in report file names: 20261205-013000 (UTC). */
    static String timestamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    private static void progress(String message) {
        System.err.println("bench: " + message);
    }
}
