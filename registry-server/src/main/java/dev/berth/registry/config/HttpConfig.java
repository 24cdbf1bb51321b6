package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The HTTP server: where it listens, how long requests in flight may take to finish once the
 * process is told to stop, and what one client may hold of it, so that slow or many connections
 * cannot starve the rest: the time to send a request's head, the lowest body rate kept (bytes a
 * second), open connections per address. Zero turns a limit off.
 */
public record HttpConfig(
        @JsonProperty(defaultValue = "0.0.0.0:5000") ListenAddress listen,
        @JsonProperty(defaultValue = "5s") Duration shutdownTimeout,
        @JsonProperty(defaultValue = "10s") Duration headerTimeout,
        @JsonProperty(defaultValue = "1024") int minBodyRate,
        @JsonProperty(defaultValue = "256") int maxConnectionsPerClient)
        implements ConfigSection {

    public HttpConfig withListen(ListenAddress address) {
        return new HttpConfig(address, shutdownTimeout, headerTimeout, minBodyRate, maxConnectionsPerClient);
    }
}
