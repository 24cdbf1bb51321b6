package dev.berth.testkit.s3;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A bucket on one of the kit's S3 servers, with what a client needs to reach it: the server, the
 * keys it takes, and the key prefix a test keeps its objects under ("" for the bucket's root).
 * Always path-style: the servers answer on 127.0.0.1, where no bucket has a host name.
 */
public record S3Bucket(URI endpoint, String name, String region, String prefix, String accessKey, String secretKey) {

    /**
     * How an operator points berth-registry at this bucket: the {@code BERTH_STORAGE_S3_*}
     * settings (of {@link #berthSettings}) and the AWS SDK's key variables.
     *
     * @param redirect whether blob GETs answer 307 to the bucket
     */
    public Map<String, String> berthEnvironment(boolean redirect) {
        Map<String, String> environment = new HashMap<>(berthSettings(redirect));
        environment.put("AWS_ACCESS_KEY_ID", accessKey);
        environment.put("AWS_SECRET_ACCESS_KEY", secretKey);
        return environment;
    }

    /**
     * The setting of the warm-up of blob GETs at start, which tests' registries have off ({@code 0}):
     * they start by the dozen, and each warm-up takes seconds of CPU. A test of the warm-up, and the
     * benchmark (which measures the registry as deployed), set it or drop it.
     */
    public static final String WARM_UP = "BERTH_STORAGE_S3_WARMUP";

    /**
     * The {@code BERTH_STORAGE_S3_*} settings alone, for a registry in this JVM, which takes its keys
     * from the SDK's default chain ({@link S3DefaultChain}) rather than from its environment; with
     * {@link #WARM_UP} off.
     */
    public Map<String, String> berthSettings(boolean redirect) {
        return Map.of(
                WARM_UP,
                "0",
                "BERTH_STORAGE_S3_BUCKET",
                name,
                "BERTH_STORAGE_S3_ENDPOINT",
                endpoint.toString(),
                "BERTH_STORAGE_S3_REGION",
                region,
                "BERTH_STORAGE_S3_PATHSTYLE",
                "true",
                "BERTH_STORAGE_S3_PREFIX",
                prefix,
                "BERTH_STORAGE_S3_REDIRECT",
                String.valueOf(redirect));
    }
}
