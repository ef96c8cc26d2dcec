package dev.numbers.probe;

/**
 * Parsing of the command line's numbers, with messages that name the option. Every number is checked
 * against its range before it is narrowed or multiplied: a value too large for an int once wrapped
 * around to a small one ({@code --stop-after 4294967297} became 1).
 */
final class Numbers {

    static final long HOUR_MS = 3_600_000;
    static final long DAY_MS = 24 * HOUR_MS;
    static final int MAX_PORT = 65535;

    private Numbers() {
    }

    /**
     * Milliseconds, plain or with a unit: {@code 500}, {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h};
     * from {@code min} (0 or 1) to {@code max}.
     */
    static long parseMillis(String text, String option, long min, long max) throws UsageException {
        long factor = 1;
        String digits = text;
        if (text.endsWith("ms")) {
            digits = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            factor = 1000;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            factor = 60_000;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("h")) {
            factor = HOUR_MS;
            digits = text.substring(0, text.length() - 1);
        }
        String range = (min > 0 ? " must be more than 0 and at most " : " must be at most ") + max / HOUR_MS + "h (" + max + " ms), not '" + text + "'";
        long value = parseWhole(digits, option + " takes a duration such as 500, 500ms, 3s or 2m, not '" + text + "'", option + range);
        if (value > max / factor || value * factor < min) {
            throw new UsageException(option + range);
        }
        return value * factor;
    }

    /** Any duration up to a day. */
    static long parseMillis(String text, String option) throws UsageException {
        return parseMillis(text, option, 0, DAY_MS);
    }

    /** A whole number from {@code min} to {@code max}; {@code what} says what it counts, for the message. */
    static long parseInRange(String text, String option, long min, long max, String what, String notANumber) throws UsageException {
        String range = option + " must be from " + min + " to " + max + " (" + what + "), not '" + text + "'";
        long value = parseWhole(text, notANumber, range);
        if (value < min || value > max) {
            throw new UsageException(range);
        }
        return value;
    }

    static int parsePort(String text, String context) throws UsageException {
        String message = context + ": the port must be a number from 1 to " + MAX_PORT;
        long port = parseWhole(text, message, message);
        if (port < 1 || port > MAX_PORT) {
            throw new UsageException(message);
        }
        return (int) port;
    }

    /**
     * Plain decimal digits, nothing else (no sign, no spaces). Any number of leading zeros; a value with
     * more significant digits than 18 is out of range whatever the range is.
     *
     * @param notANumber the message when the text is not digits
     * @param tooLarge   the message when it is digits but too many of them
     */
    static long parseWhole(String text, String notANumber, String tooLarge) throws UsageException {
        if (text.isEmpty()) {
            throw new UsageException(notANumber);
        }
        long value = 0;
        int significant = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new UsageException(notANumber);
            }
            if (value > 0 || c != '0') {
                significant++;
            }
            if (significant > 18) {
                // Keep looking for a non-digit: "99999999999999999999x" is not a number at all.
                for (int j = i + 1; j < text.length(); j++) {
                    if (text.charAt(j) < '0' || text.charAt(j) > '9') {
                        throw new UsageException(notANumber);
                    }
                }
                throw new UsageException(tooLarge);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The same with one message for both. */
    static long parseWhole(String text, String message) throws UsageException {
        return parseWhole(text, message, message);
    }
}
