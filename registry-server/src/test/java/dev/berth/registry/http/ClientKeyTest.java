package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-client limits count a caller")
class ClientKeyTest {

    @Test
    @DisplayName("by its IPv4 address")
    void ipv4() {
        assertThat(ClientKey.of(from("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(ClientKey.of(from("192.0.2.8"))).isEqualTo("192.0.2.8");
    }

    @Test
    @DisplayName("by the /64 network of its IPv6 address, which one subscriber holds whole")
    void ipv6ByNetwork() {
        String first = ClientKey.of(from("2001:db8:1:2::1"));

        assertThat(first).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.of(from("2001:db8:1:2:ffff:abcd:1:2"))).isEqualTo(first);
        assertThat(ClientKey.of(from("2001:db8:1:3::1"))).isNotEqualTo(first);
    }

    @Test
    @DisplayName("as 'unknown' when the connection has no IP address")
    void noAddress() {
        assertThat(ClientKey.of(null)).isEqualTo("unknown");
        assertThat(ClientKey.of(SocketAddress.domainSocketAddress("/run/berth.sock")))
                .isEqualTo("unknown");
    }

    private static SocketAddress from(String literal) {
        return SocketAddress.inetSocketAddress(new InetSocketAddress(InetAddress.ofLiteral(literal), 5000));
    }
}
