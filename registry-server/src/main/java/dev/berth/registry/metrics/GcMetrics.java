package dev.berth.registry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What garbage collection reports after each run: that it ran, and how many bytes it freed. */
public final class GcMetrics {
    private final Counter runs;
    private final Counter freedBytes;

    GcMetrics(MeterRegistry meters) {
        this.runs = Counter.builder("berth.gc.runs")
                .description("Garbage collection runs finished")
                .register(meters);
        this.freedBytes = Counter.builder("berth.gc.freed.bytes")
                .description("Bytes garbage collection deleted")
                .register(meters);
    }

    public void recordRun(long freed) {
        runs.increment();
        freedBytes.increment(freed);
    }
}
