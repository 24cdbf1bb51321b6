package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Range of an upload chunk: the spec's {@code start-end} (inclusive), also accepted
 * in the RFC form {@code bytes start-end/total} that some clients send.
 */
record ContentRange(long start, long end) {
    private static final Pattern RANGE = Pattern.compile("^(?:bytes[ =])?(\\d+)-(\\d+)(?:/(?:\\d+|\\*))?$");

    long length() {
        return end - start + 1;
    }

    /** The range, or null without a header. */
    static ContentRange parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches()) {
            throw invalid(header);
        }
        try {
            long start = Long.parseLong(m.group(1));
            long end = Long.parseLong(m.group(2));
            // A range of 2^63 bytes (0-9223372036854775807) has a length no long holds.
            if (end < start || end - start == Long.MAX_VALUE) {
                throw invalid(header);
            }
            return new ContentRange(start, end);
        } catch (NumberFormatException e) {
            throw invalid(header);
        }
    }

    /** 416 as for any range the upload cannot take, with the spec's upload code (RANGE_INVALID is none of its codes). */
    private static DistributionException invalid(String header) {
        return new DistributionException(ErrorCode.BLOB_UPLOAD_INVALID, 416, "invalid Content-Range: " + header, null);
    }
}
