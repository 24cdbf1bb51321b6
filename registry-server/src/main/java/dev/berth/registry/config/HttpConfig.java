package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * The HTTP server: where it listens, how long requests in flight may take to finish once the
 * process is told to stop, and what one client may hold of it, so that slow or many connections
 * cannot starve the rest: the time to send a request's head, the lowest body rate kept (bytes a
 * second), open connections per address. Zero turns a limit off. And how many event loops serve
 * connections: zero means one per processor the JVM sees.
 */
public record HttpConfig(
        @JsonProperty(defaultValue = "0.0.0.0:5000") ListenAddress listen,
        @JsonProperty(defaultValue = "5s") Duration shutdownTimeout,
        @JsonProperty(defaultValue = "10s") Duration headerTimeout,
        @JsonProperty(defaultValue = "1024") int minBodyRate,
        @JsonProperty(defaultValue = "256") int maxConnectionsPerClient,

        @JsonProperty(defaultValue = "0") @JsonDeserialize(using = ConfigValues.EventLoopCount.class)
        int eventLoops)
        implements ConfigSection {
    /** More event loops than this would be threads that only wait: no machine has that many cores to run them. */
    public static final int MAX_EVENT_LOOPS = 1024;

    /** The event loops to serve on: as configured, or one per processor the JVM sees (cgroup limits included). */
    public int eventLoopCount() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }

    public HttpConfig withListen(ListenAddress address) {
        return new HttpConfig(
                address, shutdownTimeout, headerTimeout, minBodyRate, maxConnectionsPerClient, eventLoops);
    }
}
