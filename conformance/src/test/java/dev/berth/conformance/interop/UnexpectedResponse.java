package dev.berth.conformance.interop;

import java.net.http.HttpResponse;
import java.util.Arrays;

/** A registry answered with a status the test did not expect; the message carries the whole exchange. */
final class UnexpectedResponse extends AssertionError {

    UnexpectedResponse(String what, HttpResponse<?> response, int... expected) {
        super(what + ": " + response.request().method() + " " + response.request().uri()
                + " answered " + response.statusCode() + ", expected " + Arrays.toString(expected)
                + (response.body() instanceof String body && !body.isEmpty() ? "\n" + body : ""));
    }
}
