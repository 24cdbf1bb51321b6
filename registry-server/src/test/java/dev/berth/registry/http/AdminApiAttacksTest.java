package dev.berth.registry.http;

import static java.net.http.HttpRequest.BodyPublishers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin API (garbage collection, the read-only switch) against callers who are not admins, and for admins. */
@DisplayName("The admin API under attack")
class AdminApiAttacksTest {
    private static final String GC_BODY = "{\"deleteUntagged\":true}";

    @TempDir
    static Path dir;

    private static SecuredRegistry secured;

    @BeforeAll
    static void start() throws Exception {
        secured = SecuredRegistry.start(dir);
    }

    @AfterAll
    static void stop() {
        secured.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/_berth/admin/gc",
                "//_berth/admin/gc",
                "/_berth/%61dmin/gc",
                "/_berth/./admin/gc",
                "/x/../_berth/admin/gc",
                "/_berth//admin/gc",
                "/_berth/admin//gc",
                "/_berth/admin/gc/",
                "/_berth/ADMIN/gc",
                "/_berth/admin/%67c",
                "/_berth/admin/./gc",
                "/v2/../_berth/admin/gc"
            })
    @DisplayName("no spelling of the garbage collection path lets an anonymous caller run it")
    void anonymousGcRefused(String path) {
        long runsBefore = secured.gcRuns();

        RawHttp.Response response = RawHttp.exchange(
                secured.port(),
                "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + "Content-Type: application/json\r\nContent-Length: "
                        + GC_BODY.length() + "\r\n\r\n" + GC_BODY);

        assertThat(response.status()).isIn(400, 401, 404);
        assertThat(new JsonObject(response.body()).getJsonArray("errors")).isNotEmpty();
        assertThat(secured.gcRuns()).isEqualTo(runsBefore);
    }

    @Test
    @DisplayName("an admin runs garbage collection and switches read-only mode on and off: each call answers")
    void adminsGetThrough() {
        long runsBefore = secured.gcRuns();

        Reply gc = send("POST", "/_berth/admin/gc", GC_BODY, SecuredRegistry.ADMIN);
        Reply on = send("PUT", "/_berth/admin/read-only", "{\"readOnly\":true}", SecuredRegistry.ADMIN);
        Reply pushWhileReadOnly = send("POST", "/v2/team/app/blobs/uploads/", "", SecuredRegistry.ADMIN);
        Reply off = send("PUT", "/_berth/admin/read-only", "{\"readOnly\":false}", SecuredRegistry.ADMIN);

        assertThat(gc.status()).as(gc.text()).isEqualTo(200);
        assertThat(new JsonObject(gc.text()).getLong("blobsDeleted")).isNotNull();
        assertThat(secured.gcRuns()).isEqualTo(runsBefore + 1);
        assertThat(on.status()).isEqualTo(200);
        assertThat(new JsonObject(on.text()).getBoolean("readOnly")).isTrue();
        assertThat(pushWhileReadOnly.status()).isEqualTo(405);
        assertThat(off.status()).isEqualTo(200);
        assertThat(new JsonObject(off.text()).getBoolean("readOnly")).isFalse();
    }

    @Test
    @DisplayName("a user who is not an admin gets 403 DENIED, and no collection runs")
    void usersRefused() {
        long runsBefore = secured.gcRuns();

        Reply gc = send("POST", "/_berth/admin/gc", GC_BODY, SecuredRegistry.USER);

        assertThat(gc.status()).isEqualTo(403);
        assertThat(gc.text()).contains("DENIED");
        assertThat(secured.gcRuns()).isEqualTo(runsBefore);
    }

    @Test
    @DisplayName(
            "an admin's oversized body is refused with 413 as soon as it passes the limit, not once it is all read")
    void oversizedBodyRefusedEarly() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", secured.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /_berth/admin/gc HTTP/1.1\r\nHost: x\r\nAuthorization: " + SecuredRegistry.ADMIN
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // One chunk of 64 KiB, and no end: a client still sending, which the old code waited for.
            out.write(("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("SIZE_INVALID");
        }
    }

    @Test
    @DisplayName("a 400 MiB body sent anonymously gets 401 and a closed connection; the registry lives on")
    void hugeAnonymousBody() throws Exception {
        long sent;
        RawHttp.Response response;
        try (Socket socket = new Socket("127.0.0.1", secured.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /_berth/admin/gc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> writeChunks(out, 400));
            response = RawHttp.read(socket.getInputStream());
            sent = writer.get(30, TimeUnit.SECONDS);
        }

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.closesConnection()).isTrue();
        assertThat(sent)
                .as("bytes the client could send before the registry closed")
                .isLessThan(100L << 20);
        assertThat(secured.api.get("/healthz").status()).isEqualTo(200);
    }

    /** Writes up to {@code mebibytes} 1 MiB chunks; answers how many bytes went out before the peer closed. */
    private static long writeChunks(OutputStream out, int mebibytes) {
        byte[] chunk = ("100000\r\n" + "x".repeat(1 << 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            for (int i = 0; i < mebibytes; i++) {
                out.write(chunk);
                sent += chunk.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByPeer) {
            return sent;
        }
        return sent;
    }

    private static Reply send(String method, String path, String body, String authorization) {
        return secured.api.send(
                method, path, ofString(body), "Authorization", authorization, "Content-Type", "application/json");
    }
}
