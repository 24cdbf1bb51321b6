package dev.berth.registry.core;

import dev.berth.storage.StorageDriver;
import dev.berth.storage.s3.S3Settings;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.testkit.s3.InProcessS3;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The listing index on S3")
class S3ListingIndexTest extends ListingIndexContract {
    private S3Settings settings;

    @Override
    StorageDriver createDriver(Vertx vertx) throws Exception {
        settings = S3TestClients.newBucket("");
        return S3TestClients.driver(vertx, settings);
    }

    @Override
    void destroyDriver() throws Exception {
        InProcessS3.get().deleteBucket(settings.bucket());
    }
}
