package dev.berth.registry.gc;

import dev.berth.storage.StorageDriver;
import dev.berth.storage.fs.FsStorageDriver;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The collectors' lease on the filesystem")
class FsCollectorLeaseTest extends CollectorLeaseContract {
    @TempDir
    Path root;

    @Override
    StorageDriver createDriver(Vertx vertx) {
        return new FsStorageDriver(vertx, root);
    }

    @Override
    void destroyDriver() {}
}
