package dev.berth.registry.config;

import java.time.Duration;

/**
 * Scheduled garbage collection: every {@code interval} (zero: never, only on demand), keeping
 * blobs younger than {@code gracePeriod}, and with {@code deleteUntagged} untagged manifests too.
 */
public record GcConfig(Duration interval, Duration gracePeriod, boolean deleteUntagged) {
}
