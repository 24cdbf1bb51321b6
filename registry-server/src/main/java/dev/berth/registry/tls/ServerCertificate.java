package dev.berth.registry.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** The private key the server proves its identity with, and its certificate chain, leaf first. */
public record ServerCertificate(PrivateKey key, List<X509Certificate> chain) {

    public ServerCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the server's certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of the leaf certificate, as browsers and openssl show it (AB:CD:...). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
