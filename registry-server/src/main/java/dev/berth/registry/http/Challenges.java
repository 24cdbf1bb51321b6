package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.AuthSetup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Refuses a request; a 401 carries the WWW-Authenticate challenge that tells the client how to log in. */
final class Challenges {
    private final AuthSetup setup;

    Challenges(AuthSetup setup) {
        this.setup = setup;
    }

    /** Refuses with {@code failure}; {@code scope} is what a token would need, or null. */
    void refuse(HttpServerRequest request, Throwable failure, String scope) {
        request.response().putHeader(Headers.API_VERSION, "registry/2.0");
        if (failure instanceof DistributionException error && error.code() == ErrorCode.UNAUTHORIZED) {
            request.response().putHeader("WWW-Authenticate", challenge(request, scope));
        }
        ErrorResponses.send(request, failure);
    }

    void basicOnly(HttpServerRequest request, Throwable failure) {
        if (failure instanceof DistributionException error && error.code() == ErrorCode.UNAUTHORIZED) {
            request.response().putHeader("WWW-Authenticate", basic());
        }
        ErrorResponses.send(request, failure);
    }

    private String challenge(HttpServerRequest request, String scope) {
        if (!setup.tokenMode()) {
            return basic();
        }
        String realm = setup.realm().orElseGet(() -> request.scheme() + "://" + request.getHeader(HttpHeaders.HOST) + TokenEndpoint.PATH);
        String challenge = "Bearer realm=\"" + realm + "\",service=\"" + setup.service() + "\"";
        return scope == null ? challenge : challenge + ",scope=\"" + scope + "\"";
    }

    private String basic() {
        return "Basic realm=\"" + setup.service() + "\"";
    }
}
