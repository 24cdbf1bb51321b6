package dev.berth.registry;

import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.gc.GcAdminEndpoint;
import dev.berth.registry.http.AdminGate;
import dev.berth.registry.http.ApiHandler;
import dev.berth.registry.http.AuthGate;
import dev.berth.registry.http.CanonicalPath;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.http.ErrorResponses;
import dev.berth.registry.http.MessageFraming;
import dev.berth.registry.http.MirrorGate;
import dev.berth.registry.http.ReadOnlyGate;
import dev.berth.registry.http.TokenEndpoint;
import dev.berth.registry.metrics.RegistryMetrics;
import dev.berth.registry.ops.OpsEndpoints;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.registry.ui.WebUi;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Every stage a request on the main port passes, top to bottom. Each stage answers the request or
 * passes it on; every refusal and failure ends in the one failure handler, which answers with the
 * spec's JSON error. Each stage decides on the same path: {@link CanonicalPath} refuses any
 * spelling other than the normalised path the router matches routes on.
 */
final class RequestPipeline {
    /** The stages in the order a request meets them; a stage's position is its route order. */
    enum Stage {
        /** The request's body waits until a handler reads it: gates decide first. */
        HOLD_BODY,
        /** Names the API endpoint of the path, once, for every stage behind. */
        NAME_ENDPOINT,
        /** Every request from here on is logged, and measured when metrics are on. */
        ACCESS_LOG,
        MEASURE,
        /** Paths written other than plainly are refused. */
        CANONICAL_PATH,
        /** Bodies in transfer codings other than chunked are refused (ambiguous lengths never get this far). */
        FRAMING,
        /** Uploads in flight, a gauge of the metrics. */
        COUNT_UPLOADS,
        /** /healthz, /readyz, /metrics: open, for probes and scrapers. */
        OPS,
        /** /_berth/admin/**: admins only, when auth is on. */
        ADMIN_GATE,
        /** Behind the admin gate but before the read-only gate, which it must be able to lift. */
        READ_ONLY_SWITCH,
        /** Writes refused while read-only. */
        READ_ONLY_GATE,
        ADMIN,
        /** The token service, when the registry issues tokens. */
        TOKEN,
        /** The distribution API's access decision. */
        AUTH,
        /** Pushes and deletes to repositories an upstream serves are refused. */
        MIRROR_GATE,
        /** The web UI (/, /ui/, /_berth/ui-api/), when on: its JSON API decides access with the same rules itself. */
        UI,
        /** The distribution API; every other path gets 404 here. */
        API;

        int order() {
            return ordinal();
        }
    }

    private RequestPipeline() {}

    /**
     * @param metrics   null when metrics are off
     * @param scrape    /metrics on this port, when metrics are served here
     * @param auth      what the gates check, when authentication is configured
     * @param content   where the API reads manifests and blobs (the store, or the mirror for mirrored repositories)
     * @param ui        the web UI, when it is on
     */
    static Router build(
            Vertx vertx,
            boolean accessLog,
            RegistryMetrics metrics,
            boolean scrape,
            OpsEndpoints ops,
            ReadOnlyMode readOnly,
            GcAdminEndpoint gc,
            Optional<AuthSetup> auth,
            ContentSource content,
            Optional<WebUi> ui,
            ApiHandler api) {
        Router router = Router.router(vertx);
        stage(router, Stage.HOLD_BODY, ctx -> {
            ctx.request().pause();
            ctx.next();
        });
        stage(router, Stage.NAME_ENDPOINT, CanonicalPath::nameEndpoint);
        if (accessLog) {
            stage(router, Stage.ACCESS_LOG, new AccessLog());
        }
        if (metrics != null) {
            stage(router, Stage.MEASURE, metrics.measureRequests());
        }
        stage(router, Stage.CANONICAL_PATH, CanonicalPath::refuseOthers);
        stage(router, Stage.FRAMING, MessageFraming::refuseUnknownCodings);
        if (metrics != null) {
            stage(router, Stage.COUNT_UPLOADS, metrics.countUploads());
        }
        router.route(OpsEndpoints.HEALTHZ).order(Stage.OPS.order()).handler(ops.healthz());
        router.route(OpsEndpoints.READYZ).order(Stage.OPS.order()).handler(ops.readyz());
        if (scrape) {
            router.route("/metrics").order(Stage.OPS.order()).handler(ctx -> metrics.scrape(ctx.request()));
        }
        auth.ifPresent(setup -> stage(router, Stage.ADMIN_GATE, new AdminGate(vertx, setup)));
        router.route(OpsEndpoints.READ_ONLY)
                .order(Stage.READ_ONLY_SWITCH.order())
                .handler(ops.readOnlySwitch());
        stage(router, Stage.READ_ONLY_GATE, new ReadOnlyGate(readOnly));
        router.route(GcAdminEndpoint.PATH).order(Stage.ADMIN.order()).handler(gc);
        Optional<AuthGate> gate = auth.map(setup -> new AuthGate(vertx, setup));
        gate.flatMap(AuthGate::tokenEndpoint)
                .ifPresent(token -> router.get(TokenEndpoint.PATH)
                        .order(Stage.TOKEN.order())
                        .handler(token));
        gate.ifPresent(authGate -> stage(router, Stage.AUTH, authGate));
        stage(router, Stage.MIRROR_GATE, new MirrorGate(content));
        ui.ifPresent(webUi -> stage(router, Stage.UI, webUi));
        stage(router, Stage.API, api);
        router.route().failureHandler(ErrorResponses::fail);
        return router;
    }

    private static void stage(Router router, Stage stage, Handler<RoutingContext> handler) {
        router.route().order(stage.order()).handler(handler);
    }
}
