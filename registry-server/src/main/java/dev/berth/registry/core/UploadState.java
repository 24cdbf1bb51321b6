package dev.berth.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * What an upload session carries between requests: how many bytes it holds and the SHA-256
 * state after them. Stored as JSON beside registry:2's own upload files.
 */
record UploadState(long offset, byte[] sha256State, Instant startedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static UploadState begin(Instant now) {
        return new UploadState(0, Sha256State.fresh().encode(), now);
    }

    UploadState advance(long newOffset, Sha256State hash) {
        return new UploadState(newOffset, hash.encode(), startedAt);
    }

    Buffer toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("offset", offset);
        node.put("sha256State", Base64.getEncoder().encodeToString(sha256State));
        node.put("startedAt", startedAt.toString());
        return Buffer.buffer(node.toString());
    }

    static UploadState fromJson(Buffer json) {
        try {
            JsonNode node = JSON.readTree(json.getBytes());
            return new UploadState(
                    node.get("offset").asLong(),
                    Base64.getDecoder().decode(node.get("sha256State").asText()),
                    Instant.parse(node.get("startedAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable upload state", e);
        }
    }
}
