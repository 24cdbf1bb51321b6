package dev.berth.registry.core;

/**
 * Which SHA-256 engine hashes uploads in this process, chosen once at start: OpenSSL's when
 * libcrypto loads and passes its check, else the JDK's when its state is open to us, else Bouncy
 * Castle's. The choice never changes what a saved state means, only how fast it is hashed on.
 * {@code -Dberth.sha256.engine=jdk} skips OpenSSL, so that the benchmark can measure both engines
 * on one machine (and an operator can step around a libcrypto that misbehaves).
 */
public final class Sha256Engines {
    static final String ENGINE_PROPERTY = "berth.sha256.engine";
    /** OpenSSL's when it loads, else the JDK's: the default. */
    static final String AUTO = "auto";
    /** The JDK's, OpenSSL's not tried. */
    static final String JDK = "jdk";

    static final Sha256Engines IN_USE = choose(
            System.getProperty(ENGINE_PROPERTY, AUTO),
            System.getProperty(OpenSslSha256.LIBRARY_PROPERTY, OpenSslSha256.DEFAULT_LIBRARY));

    private final OpenSslSha256.Library openssl;
    private final String description;

    private Sha256Engines(OpenSslSha256.Library openssl, String description) {
        this.openssl = openssl;
        this.description = description;
    }

    /** The engines for a process that loads OpenSSL's libcrypto from {@code library}. */
    static Sha256Engines choose(String library) {
        return choose(AUTO, library);
    }

    /**
     * The engines {@code engine} asks for ({@value #AUTO} or {@value #JDK}), OpenSSL's libcrypto
     * loaded from {@code library} when it is to be tried.
     *
     * @throws IllegalArgumentException for any other engine name, so that a typo fails the start
     */
    static Sha256Engines choose(String engine, String library) {
        if (engine.equals(JDK)) {
            return new Sha256Engines(null, withoutOpenSsl(ENGINE_PROPERTY + "=" + JDK));
        }
        if (!engine.equals(AUTO)) {
            throw new IllegalArgumentException(
                    ENGINE_PROPERTY + " must be " + AUTO + " or " + JDK + ", not '" + engine + "'");
        }
        try {
            return new Sha256Engines(OpenSslSha256.Library.load(library), "OpenSSL's SHA-256 (" + library + ")");
        } catch (IllegalStateException e) {
            return new Sha256Engines(null, withoutOpenSsl("OpenSSL's unavailable: " + e.getMessage()));
        }
    }

    private static String withoutOpenSsl(String why) {
        String engine = JdkSha256.isUsable() ? "the JDK's SHA-256" : "Bouncy Castle's SHA-256";
        return engine + " (" + why + ")";
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
