package dev.berth.registry.gc;

/** Told about every finished collection, so that metrics can count runs and freed bytes. */
@FunctionalInterface
public interface GcListener {
    GcListener NONE = report -> {};

    void collected(GcReport report);
}
