package dev.berth.registry.http;

import dev.berth.registry.core.Registry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The distribution API's routes over the registry core. */
public final class RegistryRouter {
    private RegistryRouter() {
    }

    public static Router create(Vertx vertx, Registry registry) {
        Router router = Router.router(vertx);
        router.get("/v2/").handler(ctx -> ctx.response()
                .putHeader("Docker-Distribution-API-Version", "registry/2.0")
                .putHeader("Content-Type", "application/json")
                .end("{}"));
        return router;
    }
}
