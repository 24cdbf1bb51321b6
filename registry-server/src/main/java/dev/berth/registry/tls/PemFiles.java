package dev.berth.registry.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a certificate chain and a private key from PEM files: the chain leaf first, as web servers
 * expect it; the key as PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC 1
 * ("EC PRIVATE KEY"), unencrypted.
 */
public final class PemFiles {
    private PemFiles() {}

    /** @throws TlsFileException saying which file is missing, unreadable or holds the wrong thing */
    public static List<X509Certificate> readChain(Path file) throws TlsFileException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object item : readAll(file, "certificate")) {
            if (!(item instanceof X509CertificateHolder holder)) {
                throw new TlsFileException("certificate file " + file + " holds a " + describe(item)
                        + " where a CERTIFICATE was expected");
            }
            try {
                chain.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                throw new TlsFileException(
                        "certificate file " + file + " holds a certificate that cannot be used: " + e.getMessage(), e);
            }
        }
        if (chain.isEmpty()) {
            throw new TlsFileException(
                    "certificate file " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** @throws TlsFileException saying which file is missing, unreadable or holds the wrong thing */
    public static PrivateKey readKey(Path file) throws TlsFileException {
        List<Object> items = readAll(file, "key");
        if (items.size() != 1) {
            throw new TlsFileException(
                    "key file " + file + " must hold exactly one PEM private key, not " + items.size() + " PEM blocks");
        }
        Object item = items.get(0);
        if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new TlsFileException("key file " + file + " holds an encrypted key: decrypt it first "
                    + "(openssl pkey -in ENCRYPTED -out " + file.getFileName() + ")");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new TlsFileException(
                    "key file " + file + " holds a private key that cannot be used: " + e.getMessage(), e);
        }
        throw new TlsFileException(
                "key file " + file + " holds a " + describe(item) + " where a PRIVATE KEY was expected");
    }

    private static List<Object> readAll(Path file, String what) throws TlsFileException {
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
        } catch (NoSuchFileException e) {
            throw new TlsFileException(what + " file " + file + " does not exist", e);
        } catch (IOException | RuntimeException e) {
            throw new TlsFileException(what + " file " + file + " is not a readable PEM file: " + e.getMessage(), e);
        }
        if (items.isEmpty()) {
            throw new TlsFileException(what + " file " + file + " holds no PEM block (-----BEGIN ...-----)");
        }
        return items;
    }

    private static String describe(Object item) {
        return item.getClass().getSimpleName();
    }
}
