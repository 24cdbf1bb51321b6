package dev.berth.bench;

/**
 * The sizes and durations of one benchmark run. The full plan is the one the targets are
 * stated for; the quick plan keeps every scenario but shrinks it to finish in a few minutes.
 */
record BenchPlan(
        String name,
        int rounds,
        long blobBytes,
        int chunkBytes,
        int parallelPulls,
        int smallBlobs,
        int smallBlobBytes,
        int clients,
        int tags,
        int repositories,
        int loadConnections,
        int loadSeconds,
        int listingSeconds) {

    private static final int MIB = 1 << 20;

    static BenchPlan full() {
        return new BenchPlan("full", 3, 1L << 30, 10 * MIB, 8, 500, 64 << 10, 16, 5000, 2000, 64, 10, 10);
    }

    static BenchPlan quick() {
        return new BenchPlan("quick", 1, 256L * MIB, 10 * MIB, 8, 200, 64 << 10, 16, 1000, 300, 64, 3, 3);
    }

    String blobLabel() {
        return blobBytes >= 1L << 30 ? (blobBytes >> 30) + " GiB" : (blobBytes >> 20) + " MiB";
    }
}
