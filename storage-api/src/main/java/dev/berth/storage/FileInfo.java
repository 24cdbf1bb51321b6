package dev.berth.storage;

import java.time.Instant;

/** What {@link StorageDriver#stat(String)} knows about a path. */
public record FileInfo(String path, long size, Instant modified, boolean directory) {}
