package dev.berth.client.transport;

/**
 * Which scheme a registry is spoken to with. As docker does, loopback registries (localhost,
 * 127.0.0.0/8, ::1) get plain HTTP; every other one gets HTTPS unless the user asked for plain
 * HTTP.
 */
public final class Schemes {
    private Schemes() {}

    public static String schemeFor(String registry, boolean plainHttp) {
        return plainHttp || isLoopback(hostOf(registry)) ? "http" : "https";
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static String hostOf(String registry) {
        if (registry.startsWith("[")) {
            return registry.substring(1, registry.indexOf(']'));
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }
}
