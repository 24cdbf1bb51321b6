package dev.berth.registry.gc;

/** Another collector holds the lease: this one did not start. */
public final class GcBusyException extends RuntimeException {
    public GcBusyException(String message) {
        super(message);
    }
}
