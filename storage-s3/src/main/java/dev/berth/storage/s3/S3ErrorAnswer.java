package dev.berth.storage.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 answered a request sent through Vert.x's client with an error status: what the SDK's {@code
 * S3Exception} is to its own calls, so that {@link S3Errors} tells a missing object from a missing
 * bucket, and {@link S3HttpCalls} a failure worth retrying from one that is not.
 */
final class S3ErrorAnswer extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    /** How much of an error body a message quotes. */
    private static final int QUOTED = 300;

    private final int status;
    private final String code;

    /**
     * {@code what} names the request ("PUT of KEY"); {@code body} is S3's XML error document, or empty
     * (a HEAD's answer has none).
     */
    S3ErrorAnswer(String what, int status, String body) {
        super("S3 answered the " + what + " with " + status
                + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), QUOTED))));
        this.status = status;
        Matcher code = CODE.matcher(body);
        this.code = code.find() ? code.group(1) : "";
    }

    int status() {
        return status;
    }

    /** S3's error code ("NoSuchKey", "SlowDown", ...), or "" when the answer had no body. */
    String code() {
        return code;
    }

    /** Worth another try: S3 says it failed or is overloaded, not that the request is wrong. */
    boolean isTransient() {
        return status >= 500 || status == 429 || "SlowDown".equals(code);
    }
}
