package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Segment sizes")
class SegmentSizesTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;
    private final SegmentSizes sizes = SegmentSizes.DEFAULT;

    @Test
    @DisplayName("start at S3's 5 MiB part minimum and double every thousand segments, up to 2.5 GiB")
    void growth() {
        assertThat(sizes.of(0)).isEqualTo(5 * MIB);
        assertThat(sizes.of(999)).isEqualTo(5 * MIB);
        assertThat(sizes.of(1000)).isEqualTo(10 * MIB);
        assertThat(sizes.of(4000)).isEqualTo(80 * MIB);
        assertThat(sizes.of(9999)).isEqualTo(2560 * MIB);
        assertThat(sizes.of(Long.MAX_VALUE / 2)).isEqualTo(2560 * MIB);
    }

    @Test
    @DisplayName("fit a 100 GiB layer in 4,343 parts, well under S3's 10,000")
    void hundredGibibytes() {
        assertThat(segmentsFor(100 * GIB)).isEqualTo(4343).isLessThan(SegmentSizes.MAX_PARTS);
    }

    @Test
    @DisplayName("take up to 4.87 TiB in 10,000 parts, none of them over S3's 5 GiB part maximum")
    void largestObject() {
        long largest = sizes.largestObject();

        assertThat(largest).isGreaterThan(487 * TIB / 100).isLessThanOrEqualTo(5 * TIB);
        assertThat(segmentsFor(largest)).isEqualTo(SegmentSizes.MAX_PARTS);
        for (int number = 0; number < SegmentSizes.MAX_PARTS; number++) {
            // A segment may overshoot its size by one buffered chunk and the write queue.
            assertThat(sizes.of(number) + 2 * S3BlobWriter.CHUNK_SIZE).isLessThanOrEqualTo(SegmentSizes.MAX_PART_SIZE);
        }
    }

    /** How many full segments it takes to hold {@code total} bytes. */
    private long segmentsFor(long total) {
        long stored = 0;
        long count = 0;
        while (stored < total) {
            stored += sizes.of(count++);
        }
        return count;
    }
}
