package dev.berth.conformance.suite.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The spec's error bodies ("Error Codes"): "A 4XX response code from the registry MAY return a
 * body in any format. If the response body is in JSON format, it MUST have the following format"
 * ({@code {"errors":[{"code":…,"message":…,"detail":…}]}}), and "The code field MUST be one of the
 * following" (code-1 … code-14).
 */
public final class SpecErrors {

    /** code-1 … code-14. */
    public static final Set<String> CODES = Set.of(
            "BLOB_UNKNOWN",
            "BLOB_UPLOAD_INVALID",
            "BLOB_UPLOAD_UNKNOWN",
            "DIGEST_INVALID",
            "MANIFEST_BLOB_UNKNOWN",
            "MANIFEST_INVALID",
            "MANIFEST_UNKNOWN",
            "NAME_INVALID",
            "NAME_UNKNOWN",
            "SIZE_INVALID",
            "UNAUTHORIZED",
            "DENIED",
            "UNSUPPORTED",
            "TOOMANYREQUESTS");
    /** "The client MAY encounter error codes targeting Docker schema1 manifests, such as TAG_INVALID, or MANIFEST_UNVERIFIED." */
    private static final Set<String> LEGACY = Set.of("TAG_INVALID", "MANIFEST_UNVERIFIED");

    private SpecErrors() {}

    /** A JSON error body, if the response has one, is in the spec's format with the spec's codes. */
    public static void wellFormed(Exchange exchange) {
        codes(exchange);
    }

    /**
     * As {@link #wellFormed}, and a JSON body names {@code code}; a body in another format passes,
     * since the spec lets it be "in any format".
     */
    public static void codeIfJson(Exchange exchange, String code) {
        List<String> codes = codes(exchange);
        if (!codes.isEmpty() && !codes.contains(code)) {
            throw new AssertionError("expected the error code " + code + ", got " + codes + "\n" + exchange.describe());
        }
    }

    /** For the requirements that name the code outright ("it MUST result in one or more MANIFEST_BLOB_UNKNOWN errors"). */
    public static void code(Exchange exchange, String code) {
        if (!codes(exchange).contains(code)) {
            throw new AssertionError("expected a JSON error body with the code " + code + "\n" + exchange.describe());
        }
    }

    /** The codes of a JSON error body; empty when the body is not JSON. */
    private static List<String> codes(Exchange exchange) {
        Optional<JsonNode> json = exchange.json();
        if (json.isEmpty()) {
            return List.of();
        }
        JsonNode errors = json.get().get("errors");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            throw new AssertionError(
                    "a JSON error body must hold a non-empty \"errors\" array\n" + exchange.describe());
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode error : errors) {
            JsonNode code = error.get("code");
            if (code == null || !code.isTextual() || !code.asText().matches("[A-Z_]+")) {
                throw new AssertionError(
                        "each error needs a \"code\" of uppercase letters and underscores\n" + exchange.describe());
            }
            if (!CODES.contains(code.asText()) && !LEGACY.contains(code.asText())) {
                throw new AssertionError("the error code " + code.asText() + " is not one of the spec's codes "
                        + "(code-1 … code-14)\n" + exchange.describe());
            }
            codes.add(code.asText());
        }
        return codes;
    }
}
