package dev.berth.registry.http;

import dev.berth.registry.auth.Action;
import io.vertx.core.http.HttpMethod;

/**
 * The action a request of the distribution API needs on its repository: reads need pull,
 * uploads and manifest puts need push (and pull, as registry:2 asks, since a push reads too),
 * deletes need delete.
 */
record RequiredAccess(String repository, Action action) {

    static RequiredAccess of(HttpMethod method, ApiPath path) {
        Action action;
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            action = Action.PULL;
        } else if (method == HttpMethod.DELETE && path.endpoint() != ApiPath.Endpoint.UPLOAD) {
            action = Action.DELETE;
        } else {
            action = Action.PUSH;
        }
        return new RequiredAccess(path.name(), action);
    }

    /** The scope a token needs for this, as the challenge names it. */
    String scope() {
        return "repository:" + repository + ":" + (action == Action.PUSH ? "pull,push" : action.scopeName());
    }
}
