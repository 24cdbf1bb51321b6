package dev.berth.registry.ui;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's files (HTML, CSS, ES modules), read from the jar once at start and served from memory:
 * a handful of small files, and Vert.x's class-path file serving stays off (see BerthVertx).
 * Every answer carries a Content-Security-Policy that allows scripts and styles from this origin
 * only, so even a name that slipped into markup could not run.
 */
final class UiAssets {
    private static final String ROOT = "dev/berth/registry/ui/assets/";
    /** The files and their types; anything else under /ui/ is unknown. */
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "dom.js", "text/javascript; charset=utf-8",
            "pages.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "icon.svg", "image/svg+xml");

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Asset(String type, Buffer content) {}

    private final Map<String, Asset> assets;

    private UiAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    static UiAssets load() {
        Map<String, Asset> loaded = new java.util.HashMap<>();
        TYPES.forEach((name, type) -> loaded.put(name, new Asset(type, read(name))));
        return new UiAssets(Map.copyOf(loaded));
    }

    /** Sends the file; false when there is none of that name. */
    boolean send(String name, HttpServerResponse response) {
        Optional<Asset> asset = Optional.ofNullable(assets.get(name));
        asset.ifPresent(found -> response.putHeader("Content-Type", found.type())
                .putHeader("Content-Security-Policy", POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-cache")
                .end(found.content()));
        return asset.isPresent();
    }

    private static Buffer read(String name) {
        try (InputStream in = UiAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the UI file " + ROOT + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
