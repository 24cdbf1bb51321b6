package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.Access;
import dev.berth.registry.auth.AccessPolicy;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.auth.BasicCredentials;
import dev.berth.registry.auth.Caller;
import dev.berth.registry.auth.HtpasswdUsers;
import dev.berth.registry.auth.PolicyAccess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/** Finds out who sends a request from its Authorization header, if anyone. */
final class Identification {
    private static final String BEARER = "bearer ";
    private static final AccessPolicy NOTHING = new AccessPolicy(List.of());

    private final Vertx vertx;
    private final AuthSetup setup;

    Identification(Vertx vertx, AuthSetup setup) {
        this.vertx = vertx;
        this.setup = setup;
    }

    /** What the request may do; fails with UNAUTHORIZED for credentials or tokens that do not check out. */
    Future<Access> access(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            // With tokens, even public repositories want an (anonymous) token: that first 401 is what
            // makes docker log in for the private ones.
            AccessPolicy policy = setup.tokenMode() ? NOTHING : setup.policy().orElse(NOTHING);
            return Future.succeededFuture(new PolicyAccess(Caller.anonymous(), false, policy));
        }
        if (setup.verifier().isPresent() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return setup.verifier()
                    .get()
                    .verify(header.substring(BEARER.length()).strip())
                    .<Access>map(grant -> grant)
                    .recover(failure -> Future.failedFuture(unauthorized("the bearer token is not valid")));
        }
        if (!setup.tokenMode() && BasicCredentials.isBasic(header)) {
            return login(request)
                    .map(caller -> new PolicyAccess(caller, true, setup.policy().orElse(NOTHING)));
        }
        return Future.failedFuture(unauthorized("unsupported Authorization header"));
    }

    /**
     * The user that the request's Basic credentials prove. Fails with UNAUTHORIZED when they do not,
     * and with TOOMANYREQUESTS once its client has failed too often. A request without credentials
     * is no login attempt and counts for nothing.
     */
    Future<Caller> login(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Future.failedFuture(unauthorized("authentication required"));
        }
        String client = ClientKey.of(request.remoteAddress());
        if (!setup.throttle().tryBegin(client)) {
            return Future.failedFuture(new DistributionException(
                    ErrorCode.TOOMANYREQUESTS, "too many failed logins from " + client + "; try again later"));
        }
        var credentials = BasicCredentials.parse(header);
        if (credentials.isEmpty() || setup.users().isEmpty()) {
            return Future.failedFuture(unauthorized("invalid user name or password"));
        }
        HtpasswdUsers users = setup.users().get();
        BasicCredentials given = credentials.get();
        // bcrypt is slow on purpose: keep it off the event loop.
        return vertx.executeBlocking(() -> users.authenticate(given.user(), given.password()), false)
                .compose(caller -> {
                    if (caller.isEmpty()) {
                        return Future.failedFuture(unauthorized("invalid user name or password"));
                    }
                    setup.throttle().succeeded(client);
                    return Future.succeededFuture(caller.get());
                });
    }

    static DistributionException unauthorized(String message) {
        return new DistributionException(ErrorCode.UNAUTHORIZED, message);
    }
}
