package dev.berth.conformance.interop;

import dev.berth.storage.s3.InProcessS3;
import dev.berth.storage.s3.S3Settings;
import java.util.HashMap;
import java.util.Map;

/** How an operator would point a Berth process at a bucket of the in-process S3 server: its environment. */
final class BerthOnS3 {

    private BerthOnS3() {
    }

    static Map<String, String> environment(S3Settings bucket, boolean redirect) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID", InProcessS3.accessKey(),
                "AWS_SECRET_ACCESS_KEY", InProcessS3.secretKey(),
                "BERTH_STORAGE_S3_BUCKET", bucket.bucket(),
                "BERTH_STORAGE_S3_REGION", bucket.region(),
                "BERTH_STORAGE_S3_PATHSTYLE", String.valueOf(bucket.pathStyle()),
                "BERTH_STORAGE_S3_PREFIX", bucket.prefix(),
                "BERTH_STORAGE_S3_REDIRECT", String.valueOf(redirect)));
        bucket.endpoint().ifPresent(endpoint -> environment.put("BERTH_STORAGE_S3_ENDPOINT", endpoint.toString()));
        return environment;
    }
}
