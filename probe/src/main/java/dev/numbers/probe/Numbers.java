package dev.numbers.probe;

/**
 * Parsing of the command line's numbers, with messages that name the option. Every number is checked
 * against its range before it is narrowed or multiplied: a value too large for an int once wrapped
 * around to a small one ({@code --stop-after 4294967297} became 1).
 */
final class Numbers {

    static final long HOUR_MS = 3_600_000;
    static final long DAY_MS = 24 * HOUR_MS;

    private Numbers() {
    }

    /**
     * Milliseconds, plain or with a unit: {@code 500}, {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h};
     * from {@code min} (0 or 1) to {@code max}.
     */
    static long parseMillis(String text, String option, long min, long max) throws UsageException {
        int unit = text.endsWith("ms") ? 2 : text.endsWith("s") || text.endsWith("m") || text.endsWith("h") ? 1 : 0;
        long factor = unit != 1 ? 1 : text.endsWith("s") ? 1000 : text.endsWith("m") ? 60_000 : HOUR_MS;
        String range = (min > 0 ? " must be more than 0 and at most " : " must be at most ") + max / HOUR_MS + "h (" + max + " ms), not '" + text + "'";
        return factor * parseInRange(text.substring(0, text.length() - unit), min, max / factor,
                option + " takes a duration such as 500, 500ms, 3s or 2m, not '" + text + "'", option + range);
    }

    /**
     * A whole number from {@code min} to {@code max}, else {@code outOfRange}; {@code notANumber} when it is
     * not plain decimal digits (no sign, no spaces, no other script's digits). Any number of leading zeros;
     * more significant digits than 18 are out of range whatever the range is.
     */
    static long parseInRange(String text, long min, long max, String notANumber, String outOfRange) throws UsageException {
        int zeros = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new UsageException(notANumber);
            }
            zeros += c == '0' && zeros == i ? 1 : 0;
        }
        if (text.isEmpty()) {
            throw new UsageException(notANumber);
        }
        // min is never negative: -1 is out of every range.
        long value = text.length() - zeros > 18 ? -1 : Long.parseLong(text);
        if (value < min || value > max) {
            throw new UsageException(outOfRange);
        }
        return value;
    }

    static int parsePort(String text, String context) throws UsageException {
        String message = context + ": the port must be a number from 1 to 65535";
        return (int) parseInRange(text, 1, 65535, message, message);
    }
}
