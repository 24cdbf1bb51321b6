package dev.berth.registry.ui;

import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.Store;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The web UI's stage of the request pipeline: {@code /} and {@code /ui} redirect to {@code /ui/},
 * {@code /ui/*} serves the pages' files, {@code /_berth/ui-api/*} their JSON. Everything else goes
 * on to the distribution API. The pages are static; what they show comes from the JSON API, which
 * decides access itself with the API's rules (see {@link Viewers}).
 */
public final class WebUi implements Handler<RoutingContext> {
    private static final String HOME = "/ui/";

    private final UiAssets assets;
    private final UiApi api;

    public WebUi(
            Vertx vertx,
            Registry registry,
            StorageDriver driver,
            Optional<AuthSetup> auth,
            boolean deleteEnabled,
            ReadOnlyMode readOnly,
            LastCollection lastGc,
            ContentSource content) {
        this.assets = UiAssets.load();
        this.api = new UiApi(
                registry,
                new Viewers(vertx, auth),
                auth,
                deleteEnabled,
                readOnly,
                new StorageUsage(new Store(driver), Clock.systemUTC()),
                lastGc,
                content);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith(UiApi.PREFIX)) {
            api.handle(ctx);
            return;
        }
        boolean read = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
        if (read && (path.equals("/") || path.equals("/ui"))) {
            ctx.response().setStatusCode(302).putHeader("Location", HOME).end();
            return;
        }
        if (read && path.startsWith(HOME)) {
            String name = path.equals(HOME) ? "index.html" : path.substring(HOME.length());
            if (assets.send(name, ctx.response())) {
                return;
            }
        }
        ctx.next();
    }
}
