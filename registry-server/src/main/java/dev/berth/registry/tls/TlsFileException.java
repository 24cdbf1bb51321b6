package dev.berth.registry.tls;

/** A certificate or key file cannot be used; the message names the file and says why. */
public final class TlsFileException extends Exception {
    public TlsFileException(String message) {
        super(message);
    }

    public TlsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
