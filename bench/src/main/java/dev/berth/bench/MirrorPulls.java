package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MB_PER_S;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pull-through cache: a registry:2 upstream holds the blob, the contender mirrors it (Berth
 * with proxy.upstreams, registry:2 in proxy mode), and curl pulls the blob through the mirror
 * twice: cold (the mirror fetches it from the upstream while it answers) and warm (from its own
 * storage). The upstream is the same program for both contenders, so only the mirror differs.
 */
final class MirrorPulls {
    private final BenchPlan plan;
    private final Tools tools;
    private final Pulls pulls;
    private final EngineLog engines;

    MirrorPulls(BenchPlan plan, Tools tools, Pulls pulls, EngineLog engines) {
        this.plan = plan;
        this.tools = tools;
        this.pulls = pulls;
        this.engines = engines;
    }

    /** @param mirrorStorage the contender's own, empty storage */
    List<Measurement> measure(Contender contender, Storage mirrorStorage, Path workDir, BlobFile blob)
            throws IOException, InterruptedException {
        Path upstreamDir = Files.createDirectories(workDir.resolve("mirror-upstream"));
        Path upstreamData = Files.createDirectories(upstreamDir.resolve("data"));
        try (RunningRegistry upstream = RunningRegistry.start(
                Contender.DISTRIBUTION, tools, new Storage.Filesystem(upstreamData), upstreamDir)) {
            new RegistryApi(upstream.url())
                    .pushBlob("bench/monolithic", blob.digest(), BodyPublishers.ofFile(blob.path()));
            Path mirrorDir = Files.createDirectories(
                    workDir.resolve("mirror-" + contender.name().toLowerCase()));
            try (RunningRegistry mirror =
                    RunningRegistry.start(contender, tools, mirrorStorage, mirrorDir, Optional.of(upstream.url()))) {
                engines.record(contender, "mirror", mirror);
                URI uri = mirror.url().resolve("/v2/bench/monolithic/blobs/" + blob.digest());
                double cold = pulls.download(List.of(uri), blob, false);
                double warm = pulls.download(List.of(uri), blob, false);
                return List.of(
                        new Measurement("mirror: cold pull of the " + plan.blobLabel() + " blob", MB_PER_S, cold),
                        new Measurement("mirror: warm pull of that blob", MB_PER_S, warm));
            }
        } finally {
            ScratchDir.deleteRecursively(upstreamDir);
        }
    }
}
