package dev.numbers.settings;

/** A whole-number setting with a range, read leniently (see {@link Lenient}). */
public final class BoundedNumber {

    private BoundedNumber() {
    }

    public static long parse(String key, String text, long fallback, long min, long max) {
        return Lenient.read(key, text, fallback, "a whole number from " + min + " to " + max, Long::parseLong,
                value -> value >= min && value <= max);
    }
}
