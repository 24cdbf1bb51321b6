package dev.berth.oci;

/**
 * A failure a registry reports to its client as the spec's JSON error body: a code, a message,
 * an optional detail, and the HTTP status (the code's own unless a workflow demands another,
 * such as 416 for an out-of-order chunk or 413 for an oversized manifest).
 */
public class DistributionException extends RuntimeException {
    private final ErrorCode code;
    private final int status;
    private final transient Object detail;

    public DistributionException(ErrorCode code, String message) {
        this(code, code.status(), message, null);
    }

    public DistributionException(ErrorCode code, String message, Object detail) {
        this(code, code.status(), message, detail);
    }

    public DistributionException(ErrorCode code, int status, String message, Object detail) {
        super(message == null ? code.defaultMessage() : message);
        this.code = code;
        this.status = status;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Object detail() {
        return detail;
    }
}
