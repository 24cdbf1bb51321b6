package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MILLISECONDS;

import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The web UI's page times, Berth only (registry:2 has no UI): what the JSON request behind each
 * page takes, the first time (nothing cached) and then as the median of repeated loads. The
 * catalog page holds the listings scenario's repositories, the repository page a repository of
 * 1,000 tags, the image page the seeded image.
 */
final class UiPages {
    private static final String REPOSITORY = "bench/ui";
    private static final int TAGS = 1_000;
    private static final int REPEATS = 50;

    private final BenchPlan plan;

    UiPages(BenchPlan plan) {
        this.plan = plan;
    }

    void seed(RegistryApi api, SeededImage image) throws Exception {
        image.mountInto(api, REPOSITORY);
        Concurrently.each(TAGS, plan.clients(), index -> image.tag(api, REPOSITORY, String.format("v%04d", index)));
    }

    List<Measurement> measure(URI registry, SeededImage image) throws IOException {
        RegistryClient client = new RegistryClient(registry);
        List<Measurement> figures = new ArrayList<>();
        page(
                client,
                figures,
                "UI catalog page, " + plan.repositories() + "+ repositories",
                "/_berth/ui-api/repositories");
        page(
                client,
                figures,
                "UI repository page, " + TAGS + " tags",
                "/_berth/ui-api/repositories/" + REPOSITORY + "/tags");
        page(
                client,
                figures,
                "UI image page",
                "/_berth/ui-api/repositories/" + SeededImage.REPOSITORY + "/images/" + image.manifestDigest());
        return figures;
    }

    private static void page(RegistryClient client, List<Measurement> figures, String scenario, String path)
            throws IOException {
        figures.add(new Measurement(scenario + ", first load", MILLISECONDS, load(client, path)));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            times.add(load(client, path));
        }
        figures.add(new Measurement(scenario + ", median", MILLISECONDS, Results.median(times)));
    }

    private static double load(RegistryClient client, String path) throws IOException {
        long start = System.nanoTime();
        int status = client.get(path).status();
        double millis = (System.nanoTime() - start) / 1e6;
        if (status != 200) {
            throw new IOException("GET " + path + " answered " + status);
        }
        return millis;
    }
}
