package dev.numbers.web.ops.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationTextTest {

    @Test
    void eachSizeInItsOwnUnits() {
        assertEquals("850 ms", DurationText.ofMillis(850));
        assertEquals("42 s", DurationText.ofMillis(42_300));
        assertEquals("3 min 5 s", DurationText.ofMillis(185_000));
        assertEquals("5 min", DurationText.ofMillis(300_000));
        assertEquals("2 h 10 min", DurationText.ofMillis(7_800_000));
        assertEquals("3 d 4 h", DurationText.ofMillis((3 * 24 + 4) * 3_600_000L));
    }
}
