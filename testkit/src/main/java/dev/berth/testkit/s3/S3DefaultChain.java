package dev.berth.testkit.s3;

/**
 * Hands the in-process S3 server's keys to the AWS SDK's default credentials chain, which is where
 * the registry takes its credentials from, through the Java system properties the chain reads first.
 */
public final class S3DefaultChain {
    private static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";

    private S3DefaultChain() {}

    public static void useInProcessKeys() {
        useKeys(InProcessS3.accessKey(), InProcessS3.secretKey());
    }

    public static void useKeys(String accessKey, String secretKey) {
        System.setProperty(ACCESS_KEY_PROPERTY, accessKey);
        System.setProperty(SECRET_KEY_PROPERTY, secretKey);
    }

    public static void clear() {
        System.clearProperty(ACCESS_KEY_PROPERTY);
        System.clearProperty(SECRET_KEY_PROPERTY);
    }
}
