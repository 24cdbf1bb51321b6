package dev.berth.registry.core;

/**
 * Which SHA-256 engine hashes uploads in this process, chosen once at start: OpenSSL's when
 * libcrypto loads and passes its check, else the JDK's when its state is open to us, else Bouncy
 * Castle's. The choice never changes what a saved state means, only how fast it is hashed on.
 */
public final class Sha256Engines {
    static final Sha256Engines IN_USE =
            choose(System.getProperty(OpenSslSha256.LIBRARY_PROPERTY, OpenSslSha256.DEFAULT_LIBRARY));

    private final OpenSslSha256.Library openssl;
    private final String description;

    private Sha256Engines(OpenSslSha256.Library openssl, String description) {
        this.openssl = openssl;
        this.description = description;
    }

    /** The engines for a process that loads OpenSSL's libcrypto from {@code library}. */
    static Sha256Engines choose(String library) {
        try {
            return new Sha256Engines(OpenSslSha256.Library.load(library), "OpenSSL's SHA-256 (" + library + ")");
        } catch (IllegalStateException e) {
            String fallback = JdkSha256.isUsable() ? "the JDK's SHA-256" : "Bouncy Castle's SHA-256";
            return new Sha256Engines(null, fallback + " (OpenSSL's unavailable: " + e.getMessage() + ")");
        }
    }

    /** Which engine this process hashes uploads with, and why not OpenSSL's when it is not: printed at start. */
    public static String inUse() {
        return IN_USE.describe();
    }

    String describe() {
        return description;
    }

    Sha256State.Engine fresh() {
        if (openssl != null) {
            return OpenSslSha256.fresh(openssl);
        }
        return JdkSha256.isUsable() ? JdkSha256.fresh() : BouncyCastleSha256.fresh();
    }

    /** A state saved by the JDK's or OpenSSL's engine, hashed on by whichever of the two this process has. */
    Sha256State.Engine restore(Midstate saved) {
        return openssl != null ? OpenSslSha256.restore(openssl, saved) : JdkSha256.restore(saved);
    }
}
