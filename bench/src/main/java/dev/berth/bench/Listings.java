package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.LISTINGS_PER_S;

import dev.berth.testkit.api.RegistryApi;
import java.io.IOException;
import java.util.List;

/**
 * The tags list of a repository with many tags and the catalog of many repositories. A listing is
 * complete when every page was fetched (following Link headers), so that a registry that pages
 * sooner is not credited for answering less.
 */
final class Listings {
    private static final String TAGGED_REPOSITORY = "bench/tagged";

    private final BenchPlan plan;

    Listings(BenchPlan plan) {
        this.plan = plan;
    }

    void seed(RegistryApi api, SeededImage image) throws Exception {
        image.mountInto(api, TAGGED_REPOSITORY);
        Concurrently.each(
                plan.tags(), plan.clients(), index -> image.tag(api, TAGGED_REPOSITORY, String.format("t%05d", index)));
        Concurrently.each(plan.repositories(), plan.clients(), index -> {
            String repository = String.format("bench/many/r%05d", index);
            image.mountInto(api, repository);
            image.tag(api, repository, SeededImage.TAG);
        });
    }

    List<Measurement> measure(RegistryApi api) throws Exception {
        String tags = "/v2/" + TAGGED_REPOSITORY + "/tags/list?n=" + plan.tags();
        // Pages of 1,000, registry:2's largest: a complete listing follows the Link headers.
        String catalog = "/v2/_catalog?n=1000";
        check(api.countListed(tags, "tags") == plan.tags(), "the tags list does not hold all " + plan.tags() + " tags");
        check(api.countListed(catalog, "repositories") >= plan.repositories(), "the catalog lacks repositories");
        return List.of(
                new Measurement(
                        "tags list, " + plan.tags() + " tags",
                        LISTINGS_PER_S,
                        Concurrently.rate(plan.clients(), plan.listingSeconds(), () -> api.countListed(tags, "tags"))),
                new Measurement(
                        "catalog, " + plan.repositories() + " repositories",
                        LISTINGS_PER_S,
                        Concurrently.rate(
                                plan.clients(),
                                plan.listingSeconds(),
                                () -> api.countListed(catalog, "repositories"))));
    }

    private static void check(boolean holds, String problem) throws IOException {
        if (!holds) {
            throw new IOException(problem);
        }
    }
}
