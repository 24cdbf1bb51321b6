package dev.berth.registry.proxy;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;

/**
 * An upstream that could not answer: unreachable, or answering 5xx or 429 after the retries. A
 * mirror serves what it has cached instead (stale); without a cached copy the client gets this,
 * whose message names the upstream and what went wrong.
 */
final class UpstreamException extends DistributionException {
    UpstreamException(ErrorCode code, int status, String message) {
        super(code, status, message, null);
    }

    /** The upstream is unreachable or failing: a bad gateway for the client. */
    static UpstreamException unavailable(String upstream, String problem) {
        return new UpstreamException(ErrorCode.UNKNOWN, 502, "upstream " + upstream + " " + problem);
    }

    /** The upstream asks to slow down: the client is asked the same. */
    static UpstreamException tooManyRequests(String upstream) {
        return new UpstreamException(
                ErrorCode.TOOMANYREQUESTS, 429, "upstream " + upstream + " answered 429 Too Many Requests");
    }
}
