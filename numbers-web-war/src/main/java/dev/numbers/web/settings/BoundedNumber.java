package dev.numbers.web.settings;

import java.util.logging.Logger;

/**
 * A whole-number setting with a range. A value that is not a number in range is reported in one log
 * line and the default is kept: a typo in an environment variable must not stop the web from starting.
 */
public final class BoundedNumber {

    private static final Logger LOG = Logger.getLogger(BoundedNumber.class.getName());

    private BoundedNumber() {
    }

    public static long parse(String key, String text, long fallback, long min, long max) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value the operator gave
        }
        LOG.warning(key + " must be a whole number from " + min + " to " + max + ", not '" + text + "': using " + fallback);
        return fallback;
    }
}
