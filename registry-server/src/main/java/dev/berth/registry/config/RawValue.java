package dev.berth.registry.config;

/** A setting's text as one source gave it, not yet parsed. */
record RawValue(String text, ValueSource source) {
}
