package dev.berth.registry.config;

import java.nio.file.Path;

/** Whether the server speaks HTTPS, and where its certificate comes from. */
public sealed interface TlsConfig {

    /** Plain HTTP, the default. */
    record Off() implements TlsConfig {}

    /** A certificate chain and its private key from PEM files the operator provides. */
    record CertificateFiles(Path cert, Path key) implements TlsConfig {}

    /**
     * A key and self-signed certificate that the registry makes on first start and keeps in
     * {@code directory}, for the given host names and IP addresses.
     */
    record SelfSigned(Path directory, HostNames hosts) implements TlsConfig {}
}
