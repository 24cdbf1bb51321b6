package dev.berth.registry.config;

/**
 * The host and TCP port the HTTP server binds to. Port 0 asks the system for a free port (tests
 * use it; the server logs the port it got).
 */
public record ListenAddress(String host, int port) {
    private static final String ALL_INTERFACES = "0.0.0.0";

    public ListenAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("missing host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
    }

    /**
     * Parses HOST:PORT. An IPv6 host is written in brackets ([::1]:5000); an empty host (":5000",
     * as in registry:2 configurations) means every interface.
     */
    public static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected HOST:PORT, such as 0.0.0.0:5000");
        }
        return new ListenAddress(parseHost(text.substring(0, colon)), parsePort(text.substring(colon + 1)));
    }

    private static String parseHost(String host) {
        if (host.isEmpty()) {
            return ALL_INTERFACES;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        if (host.contains(":")) {
            throw new IllegalArgumentException("write an IPv6 host in brackets, such as [::1]:5000");
        }
        return host;
    }

    private static int parsePort(String port) {
        if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("port '" + port + "' is not a number");
        }
        if (port.length() > 5) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
        return Integer.parseInt(port);
    }

    /** HOST:PORT again, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
