package dev.numbers.settings;

/** A true-or-false setting, read leniently (see {@link Lenient}): a typo must not switch on what it did not name. */
public final class Switch {

    private Switch() {
    }

    public static boolean parse(String key, String text, boolean fallback) {
        return Lenient.read(key, text, fallback, "true or false", Switch::trueOrFalse, value -> true);
    }

    private static boolean trueOrFalse(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(text);
    }
}
