package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Scheduled garbage collection: every {@code interval} (zero: never, only on demand), keeping
 * blobs younger than {@code gracePeriod}, and with {@code deleteUntagged} untagged manifests too.
 */
public record GcConfig(
        @JsonProperty(defaultValue = "0") Duration interval,
        @JsonProperty(defaultValue = "1h") Duration gracePeriod,
        @JsonProperty(defaultValue = "false") boolean deleteUntagged)
        implements ConfigSection {}
