package dev.berth.oci;

/**
 * The error codes of the distribution spec (code-1 … code-14), each with the HTTP status
 * registry:2 and the spec's workflows answer it with.
 */
public enum ErrorCode {
    BLOB_UNKNOWN(404, "blob unknown to registry"),
    BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
    DIGEST_INVALID(400, "provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN(400, "manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID(400, "manifest invalid"),
    MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
    NAME_INVALID(400, "invalid repository name"),
    NAME_UNKNOWN(404, "repository name not known to registry"),
    SIZE_INVALID(400, "provided length did not match content length"),
    UNAUTHORIZED(401, "authentication required"),
    DENIED(403, "requested access to the resource is denied"),
    UNSUPPORTED(405, "the operation is unsupported"),
    TOOMANYREQUESTS(429, "too many requests"),
    /** Not a spec code: registry:2's answer to a bad pagination or query parameter. */
    PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
    /** Not a spec code: registry:2's answer to a blob GET's Range it cannot satisfy. Uploads use BLOB_UPLOAD_INVALID. */
    RANGE_INVALID(416, "invalid content range"),
    /** Not a spec code: what a client gets when the registry itself failed. */
    UNKNOWN(500, "unknown error");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
