package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The connection guard on a channel whose clock the test moves. */
@DisplayName("The connection guard")
class ConnectionGuardTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final int MIN_RATE = 1024;
    private final AtomicInteger closes = new AtomicInteger();

    private EmbeddedChannel channel(String refusal) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ConnectionGuard(HEADER_TIMEOUT, MIN_RATE, refusal, closes::incrementAndGet));
        return channel;
    }

    @Test
    @DisplayName("closes a connection that sends no request head within the header timeout, and tells once")
    void noHead() {
        EmbeddedChannel channel = channel(null);

        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(closes).hasValue(1);
    }

    @Test
    @DisplayName(
            "lets a request take as long as it needs once its head is in, and times the wait for the next head from the response's end")
    void betweenRequests() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(head(), LastHttpContent.EMPTY_LAST_CONTENT);

        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("a response still being made").isTrue();
        channel.writeOutbound(response());
        channel.advanceTimeBy(11, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen())
                .as("no second head after the first response")
                .isFalse();
    }

    @Test
    @DisplayName(
            "does not take a 100 Continue for the response's end: an upload whose storage takes longer than the header timeout to finish keeps its connection")
    void continueIsNotTheResponse() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(head());
        channel.writeOutbound(response(HttpResponseStatus.CONTINUE));
        channel.writeInbound(chunk(MIN_RATE), LastHttpContent.EMPTY_LAST_CONTENT);

        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen())
                .as("the upload's answer is still being made")
                .isTrue();
        channel.writeOutbound(response());
        channel.advanceTimeBy(11, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen())
                .as("no second head after the final response")
                .isFalse();
    }

    @Test
    @DisplayName("closes a connection whose body comes slower than the minimum rate over a whole window")
    void slowBody() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(head());

        for (int second = 0; second < ConnectionGuard.RATE_WINDOW.toSeconds() + 1 && channel.isOpen(); second++) {
            channel.writeInbound(chunk(1));
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("keeps a body that comes at the minimum rate or faster")
    void steadyBody() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(head());

        for (int second = 0; second < 3 * ConnectionGuard.RATE_WINDOW.toSeconds(); second++) {
            channel.writeInbound(chunk(MIN_RATE));
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }

        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("does not blame the client for a window in which the server held the body back")
    void pausedByTheServer() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(head());
        channel.config().setAutoRead(false);

        channel.advanceTimeBy(3 * ConnectionGuard.RATE_WINDOW.toSeconds(), TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName(
            "answers the first request of a refused connection with 429 and a JSON error, and closes it; the request goes no further")
    void refused() {
        EmbeddedChannel channel = channel("10.0.0.1 has more than 5 connections open");

        channel.writeInbound(head(), LastHttpContent.EMPTY_LAST_CONTENT);

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
        assertThat(response.content().toString(StandardCharsets.UTF_8))
                .contains("TOOMANYREQUESTS", "more than 5 connections");
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        response.release();
    }

    private static DefaultHttpRequest head() {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PATCH, "/v2/a/blobs/uploads/x");
    }

    private static DefaultHttpContent chunk(int bytes) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[bytes]));
    }

    private static FullHttpResponse response() {
        return response(HttpResponseStatus.OK);
    }

    /** As Vert.x writes every response it has whole, "100 Continue" included: a full response, which is also a last content. */
    private static FullHttpResponse response(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    }
}
