package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;

/** A setting's value as one source gave it, not yet bound: text from the environment or a flag, YAML from a file. */
record RawValue(JsonNode node, ValueSource source) {

    /** The value as the operator wrote it, for messages. */
    String text() {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
