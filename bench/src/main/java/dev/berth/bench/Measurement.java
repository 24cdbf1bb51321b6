package dev.berth.bench;

/** One figure one scenario produced for one registry in one round. */
record Measurement(String scenario, Unit unit, double value) {

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
