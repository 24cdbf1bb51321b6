package dev.berth.bench;

import dev.berth.testkit.api.Reply;
import java.util.Arrays;

/** The registry answered a soak client in a way the distribution spec does not allow for what it asked. */
final class SoakFailure extends RuntimeException {
    SoakFailure(String message) {
        super(message);
    }

    /** {@code reply}, unless its status is none of {@code expected}. */
    static Reply expect(Reply reply, String what, int... expected) {
        if (Arrays.stream(expected).noneMatch(status -> status == reply.status())) {
            throw new SoakFailure(what + ": " + reply);
        }
        return reply;
    }
}
