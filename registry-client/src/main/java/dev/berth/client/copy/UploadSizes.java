package dev.berth.client.copy;

/**
 * When a push uploads a blob in one request and when in chunks: small blobs go monolithic (one
 * round trip), large ones in chunks, so that a failure costs one chunk, not the whole blob.
 */
public record UploadSizes(long monolithicLimit, int chunkSize) {
    public static final UploadSizes DEFAULT = new UploadSizes(32L * 1024 * 1024, 16 * 1024 * 1024);
}
