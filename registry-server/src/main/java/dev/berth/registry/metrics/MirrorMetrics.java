package dev.berth.registry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the pull-through mirror counts, per upstream: requests answered from the cache (hits) and
 * those that needed the upstream (misses), bytes fetched from it, its failures, and cached tags
 * served because it could not be asked (stale serves). The upstream names come from the
 * configuration, so the label set is bounded.
 */
public final class MirrorMetrics {
    private final MeterRegistry meters;

    MirrorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counters that nobody reads, for a registry whose metrics are off. */
    public static MirrorMetrics unread() {
        return new MirrorMetrics(new SimpleMeterRegistry());
    }

    public void hit(String upstream) {
        counter("berth.mirror.hits", "Mirror requests answered from the cache", upstream)
                .increment();
    }

    public void miss(String upstream) {
        counter("berth.mirror.misses", "Mirror requests that fetched from the upstream", upstream)
                .increment();
    }

    public void upstreamBytes(String upstream, long bytes) {
        counter("berth.mirror.upstream.bytes", "Blob bytes fetched from the upstream", upstream)
                .increment(bytes);
    }

    public void upstreamError(String upstream) {
        counter("berth.mirror.upstream.errors", "Upstream requests that failed after retries", upstream)
                .increment();
    }

    public void staleServe(String upstream) {
        counter("berth.mirror.stale.serves", "Cached tags served because the upstream could not be asked", upstream)
                .increment();
    }

    private Counter counter(String name, String description, String upstream) {
        return Counter.builder(name)
                .description(description)
                .tag("upstream", upstream)
                .register(meters);
    }
}
