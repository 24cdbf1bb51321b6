package dev.berth.registry.config;

/**
 * The configuration cannot be used. The message is meant for the operator as it stands: it names
 * the setting and where its value came from (file, environment variable or flag).
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
