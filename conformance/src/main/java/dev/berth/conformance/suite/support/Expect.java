package dev.berth.conformance.suite.support;

import dev.berth.conformance.oci.Sha256;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The assertions of the checks. Each failure message says what the spec wanted, then quotes the
 * whole exchange, so that a report alone tells a registry's developer what to fix.
 */
public final class Expect {

    private Expect() {}

    public static Exchange status(Exchange exchange, int... allowed) {
        if (Arrays.stream(allowed).noneMatch(code -> code == exchange.status())) {
            throw new AssertionError("expected "
                    + Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(" or ")) + ", got "
                    + exchange.status() + "\n" + exchange.describe());
        }
        return exchange;
    }

    /** The value of a header the spec requires on this response. */
    public static String header(Exchange exchange, String name) {
        Optional<String> value = exchange.header(name);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new AssertionError("the response has no " + name + " header\n" + exchange.describe());
        }
        return value.get();
    }

    public static void equal(Object expected, Object actual, String what, Exchange exchange) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + "\n" + exchange.describe());
        }
    }

    public static void that(boolean condition, String whatWasExpected, Exchange exchange) {
        if (!condition) {
            throw new AssertionError(whatWasExpected + "\n" + exchange.describe());
        }
    }

    /** The body is exactly {@code expected}, byte for byte. */
    public static void body(Exchange exchange, byte[] expected) {
        if (!Arrays.equals(expected, exchange.body())) {
            throw new AssertionError(
                    "the body is not the content pushed: expected " + expected.length + " bytes with digest "
                            + Sha256.of(expected) + ", got " + exchange.body().length + " bytes with digest "
                            + exchange.bodyDigest() + "\n" + exchange.describe());
        }
    }

    /** "If present, the value of this header MUST be a digest matching that of the response body." */
    public static void digestHeaderMatches(Exchange exchange, String expectedDigest) {
        exchange.header("Docker-Content-Digest")
                .ifPresent(value -> equal(expectedDigest, value.trim(), "Docker-Content-Digest", exchange));
    }
}
