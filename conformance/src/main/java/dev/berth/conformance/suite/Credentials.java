package dev.berth.conformance.suite;

/** A user name and password for HTTP basic auth (and for fetching bearer tokens with it). */
public record Credentials(String username, String password) {

    /** Never prints the password: configurations end up in logs and reports. */
    @Override
    public String toString() {
        return username + ":***";
    }
}
