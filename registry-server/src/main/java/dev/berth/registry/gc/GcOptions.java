package dev.berth.registry.gc;

import java.time.Duration;

/**
 * How one collection runs. Blobs and untagged manifests younger than {@code gracePeriod} are kept
 * whatever the mark found: a push writes them before the manifest that references them. Upload
 * sessions older than {@code purgeUploadsAfter} are thrown away.
 */
public record GcOptions(boolean dryRun, boolean deleteUntagged, Duration gracePeriod, Duration purgeUploadsAfter) {}
