package dev.berth.storage.memory;

import dev.berth.storage.StorageDriver;
import dev.berth.storage.testkit.StorageDriverContract;
import io.vertx.core.Vertx;

class InMemoryStorageDriverTest extends StorageDriverContract {

    @Override
    protected StorageDriver createDriver(Vertx vertx) {
        return new InMemoryStorageDriver(vertx);
    }
}
