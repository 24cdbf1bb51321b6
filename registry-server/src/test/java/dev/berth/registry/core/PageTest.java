package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final List<String> NAMES = List.of("d", "b", "a", "e", "c");

    @Test
    @DisplayName("without n or last, every entry is listed in lexical order and none follow")
    void listsAllSorted() {
        Page page = Page.of(NAMES, null, null);

        assertThat(page.items()).containsExactly("a", "b", "c", "d", "e");
        assertThat(page.more()).isFalse();
        assertThat(page.lastItem()).isEqualTo("e");
    }

    @Test
    @DisplayName("n limits the page and says that more follow")
    void limitsToN() {
        Page page = Page.of(NAMES, 2, null);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.more()).isTrue();
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.lastItem()).isEqualTo("b");
    }

    @Test
    @DisplayName("last starts the page strictly after that entry")
    void startsAfterLast() {
        assertThat(Page.of(NAMES, 2, "b").items()).containsExactly("c", "d");
        assertThat(Page.of(NAMES, null, "c").items()).containsExactly("d", "e");
    }

    @Test
    @DisplayName("last need not be an entry: the page starts at the first entry after it")
    void lastBetweenEntries() {
        assertThat(Page.of(List.of("a", "c", "e"), 1, "b").items()).containsExactly("c");
    }

    @Test
    @DisplayName("the page that reaches the end says no more follow")
    void lastPage() {
        Page page = Page.of(NAMES, 2, "c");

        assertThat(page.items()).containsExactly("d", "e");
        assertThat(page.more()).isFalse();
    }

    @Test
    @DisplayName("n larger than what is left lists the rest")
    void largeN() {
        Page page = Page.of(NAMES, 100, null);

        assertThat(page.items()).hasSize(5);
        assertThat(page.more()).isFalse();
    }

    @Test
    @DisplayName("n=0 is an empty page that offers no next page")
    void zero() {
        Page page = Page.of(NAMES, 0, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isFalse();
        assertThat(page.lastItem()).isNull();
    }

    @Test
    @DisplayName("last beyond the final entry is an empty page")
    void lastBeyondEnd() {
        Page page = Page.of(NAMES, 2, "zzz");

        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isFalse();
    }

    @Test
    @DisplayName("an empty listing is an empty page")
    void emptyListing() {
        assertThat(Page.of(List.of(), 5, null).items()).isEmpty();
    }

    @Test
    @DisplayName("a negative n is refused")
    void negativeN() {
        assertThatThrownBy(() -> Page.of(NAMES, -1, null))
                .isInstanceOfSatisfying(
                        DistributionException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAGINATION_NUMBER_INVALID));
    }
}
