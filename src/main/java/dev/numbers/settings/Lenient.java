package dev.numbers.settings;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Reads an operator setting leniently: a value that is not valid is reported in one log line and the default
 * is kept. Every operator setting in this project is read this way, none is a typed {@code @ConfigProperty}:
 * a typo in an environment variable must neither stop the page from deploying nor get a healthy container
 * restarted (issue 12).
 */
public final class Lenient {

    private static final Logger LOG = Logger.getLogger(Lenient.class.getName());

    private Lenient() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static long number(String key, String text, long fallback, long min, long max) {
        return read(key, text, fallback, "a whole number from " + min + " to " + max, Long::parseLong,
                value -> value >= min && value <= max);
    }

    /** True or false, in any case: a typo must not switch on what it did not name. */
    public static boolean flag(String key, String text, boolean fallback) {
        return read(key, text, fallback, "true or false", value -> value.matches("(?i)true|false") ? Boolean.valueOf(value) : null,
                value -> value != null);
    }

    /**
     * @param rule  what a valid value is, for the log line: "{@code key} must be {@code rule}, not '...'"
     * @param parse reads the trimmed text; an IllegalArgumentException (NumberFormatException) means not valid
     */
    public static <T> T read(String key, String text, T fallback, String rule, Function<String, T> parse, Predicate<T> valid) {
        try {
            T value = parse.apply(String.valueOf(text).trim());
            if (valid.test(value)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the value the operator gave
        }
        LOG.warning(key + " must be " + rule + ", not '" + text + "': using " + fallback);
        return fallback;
    }
}
