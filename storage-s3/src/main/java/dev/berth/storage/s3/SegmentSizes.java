package dev.berth.storage.s3;

/**
 * How large each segment of an upload grows before the next one starts. Every segment becomes one
 * part of the final object, and S3 allows 10,000 parts of at most 5 GiB: with a fixed 5 MiB
 * segment an object could not pass 48.8 GiB (the failure of registry:2, distribution #4572).
 * Segments therefore double in size every {@code segmentsPerSize} segments, from the first size
 * up to {@code doublings} doublings: with the defaults 5 MiB for the first thousand, 10 MiB for the
 * next, up to 2.5 GiB, which takes a 100 GiB layer in 4,343 parts and at most
 * {@link #largestObject()} (4.87 TiB) in 10,000.
 *
 * @param first           the size of the first segments, S3's smallest part
 * @param segmentsPerSize how many segments share one size
 * @param doublings       how often the size doubles at most
 */
record SegmentSizes(long first, int segmentsPerSize, int doublings) {
    /** S3's limit on the parts of one multipart upload. */
    static final int MAX_PARTS = 10_000;
    /** S3's limit on one part, copied ones included. */
    static final long MAX_PART_SIZE = 5L << 30;

    static final SegmentSizes DEFAULT = new SegmentSizes(SegmentAssembler.MIN_PART_SIZE, 1000, 9);

    /** The size segment {@code number} (from 0) grows to before the writer starts the next. */
    long of(long number) {
        return first << Math.min(number / segmentsPerSize, doublings);
    }

    /** What {@link #MAX_PARTS} full segments hold: no upload can be larger. */
    long largestObject() {
        long total = 0;
        for (int number = 0; number < MAX_PARTS; number++) {
            total += of(number);
        }
        return total;
    }
}
