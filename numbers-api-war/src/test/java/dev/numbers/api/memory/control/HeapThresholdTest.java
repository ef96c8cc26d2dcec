package dev.numbers.api.memory.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapThresholdTest {

    @Test
    void acceptsASharePastZeroUpToOne() {
        assertEquals(0.5, HeapThreshold.parse("0.5"));
        assertEquals(1.0, HeapThreshold.parse(" 1 "));
        assertEquals(0.0001, HeapThreshold.parse("0.0001"));
    }

    @Test
    void keepsTheDefaultForWhatIsNotAShare() {
        for (String wrong : new String[]{"0", "-0.2", "1.5", "ninety", "", "NaN", "90%"}) {
            assertEquals(HeapThreshold.DEFAULT, HeapThreshold.parse(wrong), wrong);
        }
    }

    @Test
    void isExceededOnlyAboveTheShare() {
        HeapThreshold threshold = new HeapThreshold();
        threshold.text = "0.5";
        threshold.read();

        assertFalse(threshold.exceededBy(new HeapUsage(50, 100)));
        assertTrue(threshold.exceededBy(new HeapUsage(51, 100)));
    }

    @Test
    void aHeapWithoutKnownMaximumIsNeverOverTheLimit() {
        assertEquals(0, new HeapUsage(10, 0).share());
    }
}
