package dev.berth.registry.config;

import java.time.Duration;

/** Upload sessions untouched for longer than {@code purgeAfter} are thrown away by garbage collection. */
public record UploadsConfig(Duration purgeAfter) {
}
