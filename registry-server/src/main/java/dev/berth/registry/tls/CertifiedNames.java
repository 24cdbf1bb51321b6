package dev.berth.registry.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The host names and IP addresses in a certificate's subject alternative names, in one comparable form. */
final class CertifiedNames {
    private CertifiedNames() {}

    static List<String> of(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null
                    ? List.of()
                    : normalised(
                            names.stream().map(name -> (String) name.get(1)).toList());
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** Sorted, lower-cased, IP addresses in the JDK's spelling, so that ::1 and 0:0:0:0:0:0:0:1 compare equal. */
    static List<String> normalised(List<String> names) {
        return names.stream().map(CertifiedNames::normalise).sorted().distinct().toList();
    }

    static boolean isIpAddress(String name) {
        return name.contains(":") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static String normalise(String name) {
        if (!isIpAddress(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        try {
            // A literal is parsed, never looked up.
            return InetAddress.getByName(name).getHostAddress();
        } catch (UnknownHostException e) {
            return name;
        }
    }
}
