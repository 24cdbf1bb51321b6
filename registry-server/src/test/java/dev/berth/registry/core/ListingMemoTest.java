package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the memo of large listings")
class ListingMemoTest {
    private final AtomicInteger derivations = new AtomicInteger();
    private final UnaryOperator<List<String>> reversed = listed -> {
        derivations.incrementAndGet();
        return listed.stream().sorted(Comparator.reverseOrder()).toList();
    };
    private final ListingMemo memo = new ListingMemo(2);

    @Test
    @DisplayName("derives a listing once and gives the same result while the directory reads the same")
    void reusedWhileUnchanged() {
        List<String> first = memo.derive("repo", names(1000), reversed);
        List<String> again = memo.derive("repo", names(1000), reversed);
        assertThat(again).isSameAs(first).startsWith("n00999");
        assertThat(derivations).hasValue(1);
    }

    @Test
    @DisplayName("derives again when a name was added, removed, or the order changed")
    void derivedAgainOnChange() {
        memo.derive("repo", names(1000), reversed);
        List<String> added = new ArrayList<>(names(1000));
        added.add("zzz");
        assertThat(memo.derive("repo", added, reversed)).startsWith("zzz");
        List<String> removed = names(999);
        assertThat(memo.derive("repo", removed, reversed)).startsWith("n00998");
        List<String> reordered = new ArrayList<>(removed);
        reordered.add(0, reordered.remove(reordered.size() - 1));
        memo.derive("repo", reordered, reversed);
        assertThat(derivations).hasValue(4);
    }

    @Test
    @DisplayName("keeps listings apart by key")
    void byKey() {
        memo.derive("a", names(1000), reversed);
        memo.derive("b", names(1000), reversed);
        memo.derive("a", names(1000), reversed);
        assertThat(derivations).hasValue(2);
    }

    @Test
    @DisplayName("does not keep small listings, which are as cheap to derive as to compare")
    void smallNotKept() {
        memo.derive("repo", names(ListingMemo.WORTH_REMEMBERING - 1), reversed);
        memo.derive("repo", names(ListingMemo.WORTH_REMEMBERING - 1), reversed);
        assertThat(derivations).hasValue(2);
    }

    @Test
    @DisplayName("keeps only the most recently used listings")
    void bounded() {
        memo.derive("a", names(1000), reversed);
        memo.derive("b", names(1000), reversed);
        memo.derive("a", names(1000), reversed);
        memo.derive("c", names(1000), reversed);
        memo.derive("a", names(1000), reversed);
        memo.derive("b", names(1000), reversed);
        assertThat(derivations).as("a kept as recently used, b dropped for c").hasValue(4);
    }

    private static List<String> names(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("n%05d", i))
                .toList();
    }
}
