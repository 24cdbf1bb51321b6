package dev.berth.runtime.runner;

import java.util.Locale;

/**
 * One {@code -p [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp]}: connections to the host's port
 * reach the container's, as docker run -p publishes them (on every host address unless one is
 * named).
 */
public record PortMapping(String hostAddress, int hostPort, int containerPort, String protocol) {

    public static PortMapping parse(String spec) {
        String protocol = "tcp";
        String rest = spec;
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            rest = spec.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw new IllegalArgumentException("-p " + spec + ": the protocol must be tcp or udp");
            }
        }
        int last = rest.lastIndexOf(':');
        int first = last <= 0 ? -1 : rest.lastIndexOf(':', last - 1);
        if (last <= 0) {
            throw new IllegalArgumentException("-p " + spec + ": expected [HOST_IP:]HOST_PORT:CONTAINER_PORT");
        }
        String address = first < 0 ? "0.0.0.0" : rest.substring(0, first);
        String hostPort = rest.substring(first + 1, last);
        return new PortMapping(address, port(spec, hostPort), port(spec, rest.substring(last + 1)), protocol);
    }

    private static int port(String spec, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-p " + spec + ": " + value + " is no port (1 to 65535)");
    }

    @Override
    public String toString() {
        return hostAddress + ":" + hostPort + ":" + containerPort + "/" + protocol;
    }
}
