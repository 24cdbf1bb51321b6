package dev.berth.registry.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A user name and password from an {@code Authorization: Basic} header (RFC 7617). */
public record BasicCredentials(String user, String password) {
    /** Longer headers are no honest login: refuse them before decoding anything. */
    private static final int MAX_HEADER_LENGTH = 4096;

    private static final String SCHEME = "basic ";

    public static boolean isBasic(String header) {
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The credentials {@code header} holds, or empty when it is not a well-formed Basic header. */
    public static Optional<BasicCredentials> parse(String header) {
        if (!isBasic(header) || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] decoded =
                    Base64.getDecoder().decode(header.substring(SCHEME.length()).strip());
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
