package dev.berth.client.auth;

import java.time.Instant;

/** A bearer token from a token service, usable until shortly before it expires. */
record Token(String value, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
