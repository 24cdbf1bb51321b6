package dev.berth.registry.http;

import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What the per-client limits (open connections, failed logins) count a caller under: its IPv4
 * address, or the /64 network of its IPv6 address. A subscriber is routinely given a whole /64 and
 * may send from any of its addresses, so counting IPv6 addresses one by one would hand it a fresh
 * allowance with every address it picks: password guessing without a limit.
 */
final class ClientKey {
    /** The network length that one IPv6 subscriber is given at the least (RFC 6177). */
    static final int IPV6_PREFIX_BITS = 64;

    private static final String UNKNOWN = "unknown";

    private ClientKey() {}

    static String of(SocketAddress address) {
        String host = address == null ? null : address.hostAddress();
        if (host == null) {
            return UNKNOWN;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException notALiteral) {
            return host;
        }
        return parsed instanceof Inet6Address ipv6 ? network(ipv6.getAddress()) : parsed.getHostAddress();
    }

    private static String network(byte[] bytes) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < IPV6_PREFIX_BITS / 8; i += 2) {
            key.append(Integer.toHexString((bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return key.append(":/").append(IPV6_PREFIX_BITS).toString();
    }
}
