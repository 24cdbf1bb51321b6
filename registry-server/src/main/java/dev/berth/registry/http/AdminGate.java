package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.AuthSetup;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Guards the admin API ({@code /_berth/admin/**}): only users listed in {@code auth.admins}, with
 * Basic credentials, get through. Everything else passes untouched.
 */
public final class AdminGate implements Handler<HttpServerRequest> {
    static final String PREFIX = "/_berth/admin/";

    private final Handler<HttpServerRequest> next;
    private final AuthSetup setup;
    private final Identification identification;
    private final Challenges challenges;

    private AdminGate(Vertx vertx, AuthSetup setup, Handler<HttpServerRequest> next) {
        this.next = next;
        this.setup = setup;
        this.identification = new Identification(vertx, setup);
        this.challenges = new Challenges(setup);
    }

    public static Handler<HttpServerRequest> wrap(Vertx vertx, AuthSetup setup, Handler<HttpServerRequest> next) {
        return new AdminGate(vertx, setup, next);
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (!request.path().startsWith(PREFIX)) {
            next.handle(request);
            return;
        }
        request.pause();
        identification.login(request).onSuccess(caller -> {
            if (setup.admins().contains(caller.name())) {
                next.handle(request);
            } else {
                ErrorResponses.send(request, new DistributionException(ErrorCode.DENIED, caller + " is not an admin"));
            }
        }).onFailure(failure -> challenges.basicOnly(request, failure));
    }
}
