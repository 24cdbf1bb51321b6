package dev.berth.client;

import java.nio.file.Path;

/**
 * How the client reaches registries.
 *
 * @param tls    HTTPS or plain HTTP
 * @param caCert a PEM file of the certificate authority to trust for TLS, or null for the JDK's
 * @param jobs   how many blobs move at once
 */
public record ClientOptions(TlsMode tls, Path caCert, int jobs) {
    public static final int DEFAULT_JOBS = 3;

    public ClientOptions {
        if (jobs < 1) {
            throw new ClientException(FailureKind.USAGE, "--jobs must be at least 1");
        }
    }

    public static ClientOptions defaults() {
        return new ClientOptions(TlsMode.AUTO, null, DEFAULT_JOBS);
    }
}
