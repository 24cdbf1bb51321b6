package dev.berth.testkit.api;

import java.util.Arrays;

/** A registry answered with a status the test did not expect; the message carries the whole exchange. */
public final class UnexpectedResponse extends AssertionError {

    UnexpectedResponse(String what, Reply reply, int... expected) {
        super(what + ": " + reply.method() + " " + reply.uri() + " answered " + reply.status() + ", expected "
                + Arrays.toString(expected) + (reply.body().length == 0 ? "" : "\n" + reply.text()));
    }
}
