package dev.berth.registry.http;

import dev.berth.oci.Digest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Bytes with a media type: a blob, or a manifest, as a test pushes it. */
record Content(String mediaType, byte[] bytes) {
    static final String OCTET_STREAM = "application/octet-stream";
    private static final AtomicLong SEEDS = new AtomicLong(20240601);

    /** Different pseudo-random bytes on every call, the same on every run. */
    static Content random(String mediaType, int size) {
        byte[] bytes = new byte[size];
        new Random(SEEDS.incrementAndGet()).nextBytes(bytes);
        return new Content(mediaType, bytes);
    }

    static Content random(int size) {
        return random(OCTET_STREAM, size);
    }

    static Content text(String mediaType, String text) {
        return new Content(mediaType, text.getBytes(StandardCharsets.UTF_8));
    }

    static Content json(String mediaType, JsonObject json) {
        return text(mediaType, json.encode());
    }

    Digest digest() {
        return Digest.sha256(bytes);
    }

    int size() {
        return bytes.length;
    }

    /** The image-spec descriptor that points at this content. */
    JsonObject descriptor() {
        return new JsonObject()
                .put("mediaType", mediaType)
                .put("digest", digest().toString())
                .put("size", bytes.length);
    }
}
