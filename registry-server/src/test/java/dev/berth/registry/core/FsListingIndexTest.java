package dev.berth.registry.core;

import dev.berth.storage.StorageDriver;
import dev.berth.storage.fs.FsStorageDriver;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The listing index on the filesystem")
class FsListingIndexTest extends ListingIndexContract {
    @TempDir
    Path root;

    @Override
    StorageDriver createDriver(Vertx vertx) {
        return new FsStorageDriver(vertx, root);
    }
}
