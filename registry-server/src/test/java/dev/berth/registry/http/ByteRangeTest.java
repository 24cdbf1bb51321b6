package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    private static final long SIZE = 10;

    @ParameterizedTest(name = "\"{0}\" of 10 bytes is {1}+{2}")
    @CsvSource({
        "bytes=2-5,   2, 4",
        "bytes=0-0,   0, 1",
        "bytes=0-9,   0, 10",
        "bytes=7-,    7, 3",
        "bytes=9-,    9, 1",
        "bytes=-3,    7, 3",
        "bytes=-10,   0, 10",
        "bytes=-99,   0, 10",
        "bytes=5-99,  5, 5",
        "' bytes=1-2 ', 1, 2",
    })
    @DisplayName("a single range resolves to an offset and length within the blob, clamped at its end")
    void resolvesRanges(String header, long offset, long length) {
        ByteRange range = ByteRange.parse(header, SIZE);

        assertThat(range).isEqualTo(new ByteRange(offset, length));
        assertThat(range.last()).isEqualTo(offset + length - 1);
    }

    @Test
    @DisplayName("without a Range header the whole blob is meant")
    void noHeader() {
        assertThat(ByteRange.parse(null, SIZE)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"bytes=0-1,3-4", "items=0-1", "bytes=-", "bytes 0-1", "garbage"})
    @DisplayName("a Range header Berth does not interpret is ignored, as RFC 9110 allows")
    void ignoresOtherForms(String header) {
        assertThat(ByteRange.parse(header, SIZE)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"bytes=10-", "bytes=10-12", "bytes=5-4", "bytes=-0", "bytes=99999999999999999999-"})
    @DisplayName("a range outside the blob is unsatisfiable (416 RANGE_INVALID)")
    void rejectsUnsatisfiable(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, SIZE))
                .isInstanceOfSatisfying(DistributionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RANGE_INVALID);
                    assertThat(e.status()).isEqualTo(416);
                });
    }

    @Test
    @DisplayName("no range of an empty blob is satisfiable")
    void emptyBlob() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(DistributionException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-1", 0)).isInstanceOf(DistributionException.class);
    }
}
