package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.ClientOptions;
import dev.berth.client.FailureKind;
import dev.berth.client.TlsMode;
import dev.berth.client.auth.CredentialSource;
import dev.berth.client.auth.DockerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How every command that talks to a registry reaches it: the scheme and the certificates to trust. */
final class ConnectionOptions {
    @Option(
            names = "--plain-http",
            description = "Speak plain HTTP to the registry (by default only loopback registries without TLS get it).")
    boolean plainHttp;

    @Option(
            names = "--tls",
            description = "Speak HTTPS to the registry even on loopback, never falling back to plain HTTP.")
    boolean tls;

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "Trust the certificate authority in this PEM file for TLS.")
    Path caCert;

    BerthClient client(BerthCommand root) {
        return client(root, ClientOptions.DEFAULT_JOBS);
    }

    BerthClient client(BerthCommand root, int jobs) {
        return client(dockerConfig(root), jobs);
    }

    BerthClient client(CredentialSource credentials, int jobs) {
        return new BerthClient(new ClientOptions(tlsMode(), caCert, jobs), credentials);
    }

    private TlsMode tlsMode() {
        if (plainHttp && tls) {
            throw new ClientException(FailureKind.USAGE, "--plain-http and --tls exclude each other");
        }
        return plainHttp ? TlsMode.PLAIN : tls ? TlsMode.TLS : TlsMode.AUTO;
    }

    static DockerConfig dockerConfig(BerthCommand root) {
        return DockerConfig.fromEnvironment(root.environment());
    }
}
