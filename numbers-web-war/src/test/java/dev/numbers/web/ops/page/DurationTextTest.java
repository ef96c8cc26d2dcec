package dev.numbers.web.ops.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationTextTest {

    @Test
    void eachSizeInItsOwnUnits() {
        assertEquals("850 ms", OpsPage.duration(850));
        assertEquals("42 s", OpsPage.duration(42_300));
        assertEquals("3 min 5 s", OpsPage.duration(185_000));
        assertEquals("5 min", OpsPage.duration(300_000));
        assertEquals("2 h 10 min", OpsPage.duration(7_800_000));
        assertEquals("3 d 4 h", OpsPage.duration((3 * 24 + 4) * 3_600_000L));
    }
}
