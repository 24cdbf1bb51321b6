package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of a blob GET (RFC 9110: {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}), resolved against the blob's size.
 */
record ByteRange(long offset, long length) {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    long last() {
        return offset + length - 1;
    }

    /**
     * The range a Range header asks for, or null for the whole blob (no header, or one Berth
     * does not interpret, such as several ranges: RFC 9110 lets a server ignore those).
     * Throws RANGE_INVALID when the range lies outside the blob.
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                long length = Math.min(suffix, size);
                return new ByteRange(size - length, length);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(first, last - first + 1);
        } catch (NumberFormatException e) {
            throw unsatisfiable(header, size);
        }
    }

    private static DistributionException unsatisfiable(String header, long size) {
        return new DistributionException(
                ErrorCode.RANGE_INVALID, "range " + header + " is not satisfiable for a blob of " + size + " bytes");
    }
}
