package dev.berth.oci;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:encoded}, as image-spec descriptor.md defines it. Only the
 * registered algorithms (sha256, sha512) are accepted, with their exact lowercase hex length, so
 * a digest can be used safely as a storage path segment.
 */
public record Digest(DigestAlgorithm algorithm, String encoded) {
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

    public Digest {
        if (encoded.length() != algorithm.hexLength()
                || !LOWER_HEX.matcher(encoded).matches()) {
            throw new IllegalArgumentException("invalid " + algorithm.id() + " digest encoding: " + encoded);
        }
    }

    /** Parses {@code algorithm:encoded}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Digest parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing digest");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("digest must have the form algorithm:encoded: " + text);
        }
        String algorithmId = text.substring(0, colon);
        DigestAlgorithm algorithm = DigestAlgorithm.byId(algorithmId)
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest algorithm: " + algorithmId));
        return new Digest(algorithm, text.substring(colon + 1));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The SHA-256 digest of {@code content}. */
    public static Digest sha256(byte[] content) {
        return of(DigestAlgorithm.SHA256, content);
    }

    public static Digest of(DigestAlgorithm algorithm, byte[] content) {
        return fromHash(algorithm, algorithm.newMessageDigest().digest(content));
    }

    public static Digest fromHash(DigestAlgorithm algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }

    @Override
    public String toString() {
        return algorithm.id() + ":" + encoded;
    }
}
