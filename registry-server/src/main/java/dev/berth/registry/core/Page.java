package dev.berth.registry.core;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a sorted listing (tags, catalog) as the spec paginates it: entries strictly after
 * {@code last}, at most {@code n} of them, and whether more follow.
 */
public record Page(List<String> items, boolean more, Integer limit) {

    /** Pages {@code names} (any order); {@code n} null means "all", {@code last} null means "from the start". */
    public static Page of(List<String> names, Integer n, String last) {
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        return ofSorted(sorted, n, last);
    }

    /** Pages names already in order. */
    public static Page ofSorted(List<String> sorted, Integer n, String last) {
        if (n != null && n < 0) {
            throw new DistributionException(ErrorCode.PAGINATION_NUMBER_INVALID, "n must not be negative: " + n);
        }
        int start = 0;
        if (last != null && !last.isEmpty()) {
            int at = Collections.binarySearch(sorted, last);
            start = at >= 0 ? at + 1 : -at - 1;
        }
        int end = n == null ? sorted.size() : (int) Math.min(sorted.size(), (long) start + n);
        List<String> items = List.copyOf(sorted.subList(start, end));
        boolean more = n != null && n > 0 && end < sorted.size();
        return new Page(items, more, n);
    }

    /** The last entry of this page: where the next page starts after. */
    public String lastItem() {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
