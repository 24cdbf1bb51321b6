package dev.berth.client.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Which registries are on this machine: those the client may fall back to plain HTTP for, as docker does. */
public final class Schemes {
    private Schemes() {}

    /** True for localhost, 127.0.0.0/8, ::1, and names that resolve to loopback addresses only. */
    public static boolean isLoopback(String registry) {
        String host = hostOf(registry);
        if (host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}")) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostOf(String registry) {
        if (registry.startsWith("[")) {
            return registry.substring(1, registry.indexOf(']'));
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }
}
