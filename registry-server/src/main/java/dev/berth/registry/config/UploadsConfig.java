package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** Upload sessions untouched for longer than {@code purgeAfter} are thrown away by garbage collection. */
public record UploadsConfig(
        @JsonProperty(defaultValue = "7d") Duration purgeAfter) implements ConfigSection {}
