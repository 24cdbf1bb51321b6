package dev.berth.testkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark times listings by counting their names, so the count must be right across pages. */
@DisplayName("counting a listing")
class RegistryApiTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("follows the Link headers to the last page and counts the names of the array asked for")
    void followsLinks() throws IOException {
        serve(Map.of(
                "/v2/app/tags/list",
                        new Page(
                                "{\"name\":\"app\",\"tags\":[\"a\",\"b\"]}",
                                "</v2/app/tags/list?last=b>; rel=\"next\""),
                "/v2/app/tags/list?last=b", new Page("{\"name\":\"app\",\"tags\":[\"c\"]}", null)));

        assertThat(api().countListed("/v2/app/tags/list", "tags")).isEqualTo(3);
    }

    @Test
    @DisplayName("counts nothing in an empty or null array, nor strings outside the array")
    void emptyListing() throws IOException {
        serve(Map.of(
                "/v2/_catalog",
                new Page("{\"repositories\":[],\"name\":\"x\"}", null),
                "/v2/none/tags/list",
                new Page("{\"name\":\"none\",\"tags\":null}", null)));

        assertThat(api().countListed("/v2/_catalog", "repositories")).isZero();
        assertThat(api().countListed("/v2/none/tags/list", "tags")).isZero();
    }

    private record Page(String body, String link) {}

    private void serve(Map<String, Page> pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Page page = pages.get(exchange.getRequestURI().toString());
            byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
            if (page.link() != null) {
                exchange.getResponseHeaders().add("Link", page.link());
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private RegistryApi api() {
        return new RegistryApi(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }
}
