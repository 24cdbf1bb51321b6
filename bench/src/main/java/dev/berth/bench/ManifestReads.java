package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MILLISECONDS;
import static dev.berth.bench.Measurement.Unit.REQUESTS_PER_S;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Manifest GET and HEAD, by tag and by digest, at many connections: what every pull starts with. */
final class ManifestReads {
    private final BenchPlan plan;
    private final Wrk wrk;
    private final ApacheBench ab;

    ManifestReads(BenchPlan plan, Tools tools) {
        this.plan = plan;
        this.wrk = new Wrk(tools);
        this.ab = new ApacheBench(tools);
    }

    List<Measurement> measure(URI registry, SeededImage image) throws IOException, InterruptedException {
        List<Measurement> figures = new ArrayList<>();
        for (String method : List.of("GET", "HEAD")) {
            for (String reference : List.of(SeededImage.TAG, image.manifestDigest())) {
                URI uri = registry.resolve("/v2/" + SeededImage.REPOSITORY + "/manifests/" + reference);
                LoadResult result = method.equals("GET")
                        ? wrk.get(uri, SeededImage.MANIFEST_TYPE, plan.loadConnections(), plan.loadSeconds())
                        : ab.head(uri, SeededImage.MANIFEST_TYPE, plan.loadConnections(), plan.loadSeconds());
                String scenario = scenario(method, reference);
                figures.add(new Measurement(scenario, REQUESTS_PER_S, result.requestsPerSecond()));
                figures.add(new Measurement(scenario + ", p99", MILLISECONDS, result.p99Millis()));
            }
        }
        return figures;
    }

    /**
     * Manifest GETs by tag and by digest on replicas of one registry at once, the connections
     * split evenly between them, in rows named with {@code suffix}.
     */
    List<Measurement> getOnReplicas(List<URI> replicas, SeededImage image, String suffix)
            throws IOException, InterruptedException {
        List<Measurement> figures = new ArrayList<>();
        for (String reference : List.of(SeededImage.TAG, image.manifestDigest())) {
            List<URI> uris = replicas.stream()
                    .map(replica -> replica.resolve("/v2/" + SeededImage.REPOSITORY + "/manifests/" + reference))
                    .toList();
            LoadResult result = wrk.getAll(uris, SeededImage.MANIFEST_TYPE, plan.loadConnections(), plan.loadSeconds());
            String scenario = scenario("GET", reference) + suffix;
            figures.add(new Measurement(scenario, REQUESTS_PER_S, result.requestsPerSecond()));
            figures.add(new Measurement(scenario + ", p99", MILLISECONDS, result.p99Millis()));
        }
        return figures;
    }

    private String scenario(String method, String reference) {
        return "manifest " + method + " by " + (reference.equals(SeededImage.TAG) ? "tag" : "digest") + ", "
                + plan.loadConnections() + " connections";
    }
}
