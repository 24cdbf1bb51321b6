package dev.berth.bench;

/**
 * One figure one scenario produced for one registry in one round.
 *
 * @param comparedWith the scenario whose registry:2 figure this one is compared with: its own,
 *     unless registry:2 has no variant of it (a Berth-only setting, such as its SHA-256 engine)
 */
record Measurement(String scenario, Unit unit, double value, String comparedWith) {

    Measurement(String scenario, Unit unit, double value) {
        this(scenario, unit, value, scenario);
    }

    /** How a figure is read: the direction says which registry did better. */
    enum Unit {
        MB_PER_S("MB/s", true),
        BLOBS_PER_S("blobs/s", true),
        REQUESTS_PER_S("req/s", true),
        LISTINGS_PER_S("listings/s", true),
        MILLISECONDS("ms", false),
        MIB("MiB", false);

        final String label;
        final boolean higherIsBetter;

        Unit(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }
    }
}
