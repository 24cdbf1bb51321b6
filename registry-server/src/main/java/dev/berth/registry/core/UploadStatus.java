package dev.berth.registry.core;

/** Where an upload session stands: its repository, id and the number of bytes it holds. */
public record UploadStatus(String repository, String id, long offset) {}
