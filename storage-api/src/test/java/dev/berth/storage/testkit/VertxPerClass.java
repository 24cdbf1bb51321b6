package dev.berth.storage.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x for all tests of a class, closed after the last: tests that need no fresh event loops
 * each save starting them. Register it on a static field:
 * {@code @RegisterExtension static final VertxPerClass VERTX = new VertxPerClass();}
 */
public final class VertxPerClass implements BeforeAllCallback, AfterAllCallback {
    private final VertxOptions options;
    private Vertx vertx;

    public VertxPerClass() {
        this(new VertxOptions());
    }

    public VertxPerClass(VertxOptions options) {
        this.options = options;
    }

    public Vertx get() {
        return vertx;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Await.result(vertx.close());
    }
}
