package dev.berth.registry.webhooks;

import io.vertx.core.http.HttpServerRequest;

/** Who made a request, as webhook events name them: the one place authentication plugs in. */
@FunctionalInterface
public interface ActorOf {
    ActorOf ANONYMOUS = request -> "anonymous";

    String of(HttpServerRequest request);
}
