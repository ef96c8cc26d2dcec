package dev.numbers.api.rng.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngSettingsTest {

    private static RngSettings read(String failAfter) {
        RngSettings settings = new RngSettings();
        settings.failAfterText = failAfter;
        settings.read();
        return settings;
    }

    @Test
    void aWholeNumberSetsTheBudget() {
        RngSettings settings = read(" 5 ");
        assertTrue(settings.problem().isEmpty());
        assertEquals(5, settings.callBudget().failAfter());
    }

    @Test
    void aTypoServesNothingAndNamesTheProblem() {
        RngSettings settings = read("three");
        assertEquals("numbers.api.fail-after must be a whole number, not 'three'", settings.problem().orElseThrow());
        assertFalse(settings.callBudget().serving());
        assertFalse(settings.callBudget().broken(), "a typo is not the bug: liveness stays UP");
    }
}
