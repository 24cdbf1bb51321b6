package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.testkit.Await;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The part pool gives its memory back when uploads stopped using it, and never while one does. */
class PartPoolTest {
    private static final int PART = 1 << 20;

    private final PartPool pool = new PartPool(2, PART);

    @Test
    @DisplayName("frees its buffers at the first check after one that found none taken, and makes them afresh after")
    void freesWhenUnused() {
        ByteBuffer first = Await.result(pool.take());
        ByteBuffer second = Await.result(pool.take());
        pool.give(first);
        pool.give(second);

        pool.releaseIfUnused();
        assertThat(pool.made()).as("taken since the last check").isEqualTo(2);
        pool.releaseIfUnused();
        assertThat(pool.made()).as("none taken since the last check").isZero();

        ByteBuffer again = Await.result(pool.take());
        assertThat(pool.made()).isEqualTo(1);
        assertThat(again.capacity()).isEqualTo(PART);
        again.put(PART - 1, (byte) 7);
        assertThat(again.get(PART - 1)).isEqualTo((byte) 7);
    }

    @Test
    @DisplayName("frees nothing while a buffer is lent, however long ago it was taken")
    void keepsWhileLent() {
        ByteBuffer lent = Await.result(pool.take());
        pool.give(Await.result(pool.take()));

        pool.releaseIfUnused();
        pool.releaseIfUnused();
        pool.releaseIfUnused();

        assertThat(pool.made()).isEqualTo(2);
        lent.put(0, (byte) 1);
        assertThat(lent.get(0)).isEqualTo((byte) 1);
        pool.give(lent);
        pool.releaseIfUnused();
        assertThat(pool.made()).isZero();
    }
}
