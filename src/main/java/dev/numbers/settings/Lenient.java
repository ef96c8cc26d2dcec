package dev.numbers.settings;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Reads a setting that must not stop the app: a value that is not valid is reported in one log line and the
 * default is kept, since a typo in an environment variable should neither fail a deployment nor get a
 * healthy container restarted. Settings whose bad value may fail the deployment are typed
 * {@code @ConfigProperty} injections instead.
 */
public final class Lenient {

    private static final Logger LOG = Logger.getLogger(Lenient.class.getName());

    private Lenient() {
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
