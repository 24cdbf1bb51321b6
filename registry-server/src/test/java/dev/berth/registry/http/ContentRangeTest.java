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

class ContentRangeTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
        "0-0,                  0,    0,    1",
        "0-1023,               0,    1023, 1024",
        "1024-2047,            1024, 2047, 1024",
        "bytes 10-19/100,      10,   19,   10",
        "bytes 10-19/*,        10,   19,   10",
        "bytes=10-19,          10,   19,   10",
    })
    @DisplayName("a chunk's range is inclusive at both ends, in the spec's form or the RFC's")
    void parsesInclusiveRanges(String header, long start, long end, long length) {
        ContentRange range = ContentRange.parse(header);

        assertThat(range).isEqualTo(new ContentRange(start, end));
        assertThat(range.length()).isEqualTo(length);
    }

    @Test
    @DisplayName("a missing or blank header means a chunk without a stated range")
    void absent() {
        assertThat(ContentRange.parse(null)).isNull();
        assertThat(ContentRange.parse("  ")).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "5-4",
                "-1",
                "1-",
                "a-b",
                "0-1-2",
                "bytes */100",
                "99999999999999999999-99999999999999999999",
                // found by RangeProperties: its length, 2^63 bytes, is no long
                "0-9223372036854775807"
            })
    @DisplayName("a malformed or backwards range is refused with 416 BLOB_UPLOAD_INVALID, a code of the spec")
    void rejectsMalformed(String header) {
        assertThatThrownBy(() -> ContentRange.parse(header)).isInstanceOfSatisfying(DistributionException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID);
            assertThat(e.status()).isEqualTo(416);
        });
    }
}
