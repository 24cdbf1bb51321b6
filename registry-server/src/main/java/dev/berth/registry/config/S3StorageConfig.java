package dev.berth.registry.config;

import dev.berth.storage.s3.S3Settings;

/**
 * Storage in an S3 bucket (AWS S3 or a compatible server), in registry:2's layout under the
 * prefix. Credentials are not configured here: they come from the AWS SDK's default chain.
 *
 * @param location     where the data lives
 * @param redirect     whether whole-blob GETs answer 307 to a pre-signed URL instead of streaming
 * @param uploadMemory bytes of part buffers that all uploads share (whole parts of
 *                     {@link dev.berth.storage.s3.S3StorageDriver#PART_SIZE})
 * @param warmUp       bytes relayed over loopback before the registry listens, so that the JIT
 *                     compiled the relay of blob GETs before a client's; 0 for none
 */
public record S3StorageConfig(S3Settings location, boolean redirect, long uploadMemory, long warmUp)
        implements StorageConfig {

    @Override
    public String describe() {
        return "s3 bucket " + location.bucket()
                + location.endpoint().map(endpoint -> " at " + endpoint).orElse(" in " + location.region())
                + (location.prefix().isEmpty() ? "" : " under " + location.prefix())
                + (redirect ? ", blob GETs redirected" : "");
    }
}
