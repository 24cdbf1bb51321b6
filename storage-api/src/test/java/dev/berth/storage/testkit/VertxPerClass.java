package dev.berth.storage.testkit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x for all tests of a class, closed after the last: tests that need no fresh event loops
 * each save starting them. Register it on a static field:
 * {@code @RegisterExtension static final VertxPerClass VERTX = new VertxPerClass();}
 */
public final class VertxPerClass implements BeforeAllCallback, AfterAllCallback {
    private Vertx vertx;

    public Vertx get() {
        return vertx;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Await.result(vertx.close());
    }
}
