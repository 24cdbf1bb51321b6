package dev.berth.client.transport;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

/** Says why a TLS handshake failed, and what the user can do about a certificate the client does not trust. */
final class UntrustedCertificate {
    private UntrustedCertificate() {}

    static String describe(String registry, SSLHandshakeException e) {
        if (isCertificateFailure(e)) {
            return "the TLS certificate of " + registry + " is not trusted (" + e.getMessage()
                    + "): if the registry "
                    + "uses a private or self-signed certificate, give the certificate of the CA that signed it with "
                    + "--ca-cert FILE";
        }
        return "the TLS handshake with " + registry + " failed: " + e.getMessage();
    }

    /** True when a TLS connection failed on the certificate: the server speaks TLS. */
    static boolean isCertificateFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
