package dev.berth.registry.http;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh registry over an empty directory for every test. */
abstract class ApiTest {
    @TempDir
    Path tempDir;

    InProcessBerth server;
    RegistryClient api;
    Pushes push;

    /** Subclasses that test a registry with deletion switched off say so here. */
    boolean deleteEnabled() {
        return true;
    }

    @BeforeEach
    void startRegistry() {
        server = InProcessBerth.start(tempDir.resolve("data"), deleteEnabled());
        api = server.client();
        push = new Pushes(api);
    }

    @AfterEach
    void stopRegistry() {
        server.close();
    }

    /** Stops the registry and starts a new one over the same directory, as a restart would. */
    void restartRegistry() {
        server.close();
        server = InProcessBerth.start(server.dataDir(), deleteEnabled());
        api = server.client();
        push = new Pushes(api);
    }
}
