package dev.berth.registry.config;

import java.time.Duration;

/**
 * The HTTP server: where it listens, how long requests in flight may take to finish once the
 * process is told to stop, and what it asks of clients.
 */
public record HttpConfig(ListenAddress listen, Duration shutdownTimeout, ClientLimits limits) {

    /** With the default limits. */
    public HttpConfig(ListenAddress listen, Duration shutdownTimeout) {
        this(listen, shutdownTimeout, ClientLimits.DEFAULTS);
    }

    /**
     * What one client may hold of the server, so that slow or many connections cannot starve the
     * rest: the time to send a request's head, the lowest body rate kept, open connections per
     * address. Zero turns a limit off.
     */
    public record ClientLimits(Duration headerTimeout, int minBodyRate, int maxConnectionsPerClient) {
        public static final ClientLimits DEFAULTS = new ClientLimits(Settings.HTTP_HEADERTIMEOUT.defaultValue(),
                Settings.HTTP_MINBODYRATE.defaultValue(), Settings.HTTP_MAXCONNECTIONSPERCLIENT.defaultValue());
    }
}
