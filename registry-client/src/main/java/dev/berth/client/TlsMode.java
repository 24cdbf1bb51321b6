package dev.berth.client;

/** Whether registries are spoken to over HTTPS or plain HTTP. */
public enum TlsMode {
    /**
     * HTTPS, except that a loopback registry that does not speak TLS gets plain HTTP (docker
     * treats loopback registries as insecure the same way).
     */
    AUTO,
    /** HTTPS to every registry, loopback ones too ({@code --tls}). */
    TLS,
    /** Plain HTTP to every registry ({@code --plain-http}). */
    PLAIN
}
