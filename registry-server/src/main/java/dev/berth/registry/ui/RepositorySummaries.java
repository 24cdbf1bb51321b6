package dev.berth.registry.ui;

import dev.berth.oci.Digest;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RepositoryBrowser.TagTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repository's line in the catalog: its tag count, last push (the newest tag link) and size (its
 * tagged images' distinct blobs). Computed for the repositories of the page shown only, from the
 * tag links and {@link ImageSummaries}, and kept for {@link #FRESH_FOR}: paging back and forth
 * costs nothing, and a push shows within that time.
 */
final class RepositorySummaries {
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final int CAPACITY = 10_000;

    private record Summarised(JsonObject summary, Instant computed) {}

    private final Registry registry;
    private final ImageSummaries images;
    private final Clock clock;
    private final Map<String, Summarised> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Summarised> eldest) {
            return size() > CAPACITY;
        }
    };

    RepositorySummaries(Registry registry, ImageSummaries images, Clock clock) {
        this.registry = registry;
        this.images = images;
        this.clock = clock;
    }

    Future<JsonObject> of(String repository) {
        Instant now = clock.instant();
        Summarised entry;
        synchronized (known) {
            entry = known.get(repository);
        }
        if (entry != null && entry.computed().plus(FRESH_FOR).isAfter(now)) {
            return Future.succeededFuture(entry.summary());
        }
        return registry.browser()
                .tags(repository)
                .compose(tags -> summarise(repository, tags))
                .onSuccess(summary -> {
                    synchronized (known) {
                        known.put(repository, new Summarised(summary, now));
                    }
                });
    }

    private Future<JsonObject> summarise(String repository, List<TagTarget> tags) {
        Instant lastPush = null;
        Set<Digest> digests = new HashSet<>();
        for (TagTarget tag : tags) {
            if (tag.pushed() != null && (lastPush == null || tag.pushed().isAfter(lastPush))) {
                lastPush = tag.pushed();
            }
            digests.add(tag.digest());
        }
        Instant newest = lastPush;
        List<Future<ImageSummary>> summaries = digests.stream()
                .map(digest -> images.of(repository, digest).otherwiseEmpty())
                .toList();
        return Future.all(summaries).map(all -> {
            Map<Digest, Long> blobs = new HashMap<>();
            for (Future<ImageSummary> summary : summaries) {
                if (summary.result() != null) {
                    blobs.putAll(summary.result().blobs());
                }
            }
            return new JsonObject()
                    .put("tags", tags.size())
                    .put("lastPush", newest == null ? null : newest.toString())
                    .put(
                            "size",
                            blobs.values().stream().mapToLong(Long::longValue).sum());
        });
    }
}
