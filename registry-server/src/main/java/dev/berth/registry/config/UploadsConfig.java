package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * Upload sessions: those untouched for longer than {@code purgeAfter} are thrown away every
 * {@code purgeInterval} (zero: only by garbage collection) and by every garbage collection; a
 * repository holds at most {@code maxOpenPerRepository} open sessions per replica (zero: no cap). With
 * {@code automaticCrossMount}, a mount without {@code from} takes the blob from a repository that
 * holds it and that the caller may pull.
 */
public record UploadsConfig(
        // Zero would make every session due for the purge at once, and the open-session cap count none.
        @JsonProperty(defaultValue = "7d") @JsonDeserialize(using = ConfigValues.PositiveDuration.class)
        Duration purgeAfter,

        @JsonProperty(defaultValue = "24h") Duration purgeInterval,
        @JsonProperty(defaultValue = "1000") int maxOpenPerRepository,
        @JsonProperty(defaultValue = "true") boolean automaticCrossMount)
        implements ConfigSection {}
