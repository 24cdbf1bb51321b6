package dev.berth.registry.webhooks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one endpoint, one at a time and in order, retrying each with backoff. Each
 * endpoint has its own queue, so one that is down delays and loses nothing for the others; when
 * its queue is full the newest event is dropped and the drop logged, rather than memory growing
 * without bound. Everything runs on one Vert.x context, so the queue needs no locks.
 */
final class EndpointQueue {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointQueue.class);

    private final WebhookEndpoint endpoint;
    private final Delivery delivery;
    private final HttpClient client;
    private final Context context;
    private final Queue<WebhookEvent> pending = new ArrayDeque<>();
    private boolean sending;

    EndpointQueue(WebhookEndpoint endpoint, Delivery delivery, HttpClient client, Context context) {
        this.endpoint = endpoint;
        this.delivery = delivery;
        this.client = client;
        this.context = context;
    }

    boolean wants(WebhookEvent event) {
        return endpoint.actions().contains(event.action());
    }

    /** Returns at once, from any thread. */
    void enqueue(WebhookEvent event) {
        context.runOnContext(ignored -> {
            if (pending.size() >= delivery.queueCapacity()) {
                LOG.warn(
                        "webhook queue for {} is full ({} events): dropped {} of {}@{}",
                        endpoint.url(),
                        delivery.queueCapacity(),
                        event.action(),
                        event.repository(),
                        event.digest());
                return;
            }
            pending.add(event);
            sendNext();
        });
    }

    private void sendNext() {
        if (sending || pending.isEmpty()) {
            return;
        }
        sending = true;
        WebhookEvent event = pending.peek();
        attempt(event, 1).onComplete(done -> {
            pending.remove();
            sending = false;
            sendNext();
        });
    }

    private Future<Void> attempt(WebhookEvent event, int number) {
        return post(event).recover(failure -> {
            if (number >= delivery.attempts()) {
                LOG.warn(
                        "webhook {} gave up on {} of {}@{} after {} attempts: {}",
                        endpoint.url(),
                        event.action(),
                        event.repository(),
                        event.digest(),
                        number,
                        failure.getMessage());
                return Future.succeededFuture();
            }
            Promise<Void> retried = Promise.promise();
            context.owner()
                    .setTimer(
                            Math.max(1, delivery.backoffAfter(number).toMillis()),
                            timer -> attempt(event, number + 1).onComplete(retried));
            return retried.future();
        });
    }

    private Future<Void> post(WebhookEvent event) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint.url().toString())
                .setTimeout(endpoint.timeout().toMillis())
                .putHeader("Content-Type", "application/json");
        endpoint.headers().forEach(options::putHeader);
        Buffer body = event.toJson().toBuffer();
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body()
                        .compose(ignored -> response.statusCode() / 100 == 2
                                ? Future.<Void>succeededFuture()
                                : Future.failedFuture("answered " + response.statusCode())));
    }
}
