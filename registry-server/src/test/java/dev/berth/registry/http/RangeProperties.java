package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The Range of a blob GET and the Content-Range of an upload chunk, as clients and attackers write them. */
class RangeProperties {

    @Property
    @Label("bytes=first-last within a blob selects exactly those bytes, clamped at the blob's end")
    void rangesSelectTheirBytes(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long first,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long length) {
        long firstInBlob = first % size;
        long last = firstInBlob + length;

        ByteRange range = ByteRange.parse("bytes=" + firstInBlob + "-" + last, size);

        assertThat(range.offset()).isEqualTo(firstInBlob);
        assertThat(range.last()).isEqualTo(Math.min(last, size - 1));
    }

    @Property
    @Label("bytes=-n selects the blob's last n bytes, or all of a shorter blob")
    void suffixesSelectTheEnd(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long size,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long suffix) {
        ByteRange range = ByteRange.parse("bytes=-" + suffix, size);

        assertThat(range.length()).isEqualTo(Math.min(suffix, size));
        assertThat(range.last()).isEqualTo(size - 1);
    }

    @Property
    @Label(
            "any Range header means the whole blob, a range inside it, or 416 RANGE_INVALID: never another failure, never a byte outside the blob")
    void anyRangeHeaderIsAnsweredInsideTheBlob(
            @ForAll("rangeHeaders") String header, @ForAll @LongRange(min = 0, max = 1 << 20) long size) {
        Throwable failure = catchThrowable(() -> ByteRange.parse(header, size));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(DistributionException.class);
            assertThat(((DistributionException) failure).code()).isEqualTo(ErrorCode.RANGE_INVALID);
            assertThat(((DistributionException) failure).status()).isEqualTo(416);
            return;
        }
        ByteRange range = ByteRange.parse(header, size);
        if (range != null) {
            assertThat(range.offset()).isBetween(0L, size - 1);
            assertThat(range.length()).isPositive();
            assertThat(range.last()).isBetween(range.offset(), size - 1);
        }
    }

    @Property
    @Label("an upload's Content-Range start-end, in the spec's form or the RFC's, reads back as written")
    void contentRangesReadBack(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long start,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long length,
            @ForAll("contentRangeForms") String form) {
        long end = start + length;

        ContentRange range = ContentRange.parse(form.formatted(start, end));

        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
        assertThat(range.length()).isEqualTo(length + 1);
    }

    @Property
    @Label("any Content-Range is read as a range of at least one byte, or refused with 416 BLOB_UPLOAD_INVALID")
    void anyContentRangeIsReadOrRefused(@ForAll("rangeHeaders") String header) {
        Throwable failure = catchThrowable(() -> ContentRange.parse(header));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(DistributionException.class);
            assertThat(((DistributionException) failure).code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID);
            assertThat(((DistributionException) failure).status()).isEqualTo(416);
            return;
        }
        ContentRange range = ContentRange.parse(header);
        if (range != null) {
            assertThat(range.start()).isNotNegative();
            assertThat(range.length()).isPositive();
        }
    }

    @Provide
    Arbitrary<String> contentRangeForms() {
        return Arbitraries.of("%d-%d", "bytes=%d-%d", "bytes %d-%d/*", "bytes %d-%d/99999999999999999999", " %d-%d ");
    }

    /** Headers near the grammar: numbers of every size (past a long too), missing parts, lists, junk. */
    @Provide
    Arbitrary<String> rangeHeaders() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.longs().greaterOrEqual(0).map(String::valueOf),
                Arbitraries.integers().between(0, 2000).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(30),
                Arbitraries.of("", "-1", "+5", "0x10", " 3", "1e3"));
        Arbitrary<String> prefix = Arbitraries.of("bytes=", "bytes ", "", "BYTES=", "items=", "bytes=bytes=");
        Arbitrary<String> suffix = Arbitraries.of("", "", "/*", "/100", ",5-6", ", 0-", "\t", "/");
        return Arbitraries.oneOf(
                Combinators.combine(prefix, number, number, suffix).as((p, a, b, s) -> p + a + "-" + b + s),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("bytes=-0123456789,/* ").ofMaxLength(24));
    }
}
