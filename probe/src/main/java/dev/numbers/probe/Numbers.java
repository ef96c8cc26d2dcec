package dev.numbers.probe;

/** Parsing of the command line's numbers, with messages that name the option. */
final class Numbers {

    private Numbers() {
    }

    /** Milliseconds, plain or with a unit: {@code 500}, {@code 500ms}, {@code 3s}, {@code 2m}. */
    static long parseMillis(String text, String option) throws UsageException {
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
        }
        long value = parseWhole(digits, option + " takes a duration such as 500, 500ms, 3s or 2m, not '" + text + "'");
        if (value > Long.MAX_VALUE / factor / 1_000_000) {
            throw new UsageException(option + " is too large: '" + text + "'");
        }
        return value * factor;
    }

    static int parsePort(String text, String context) throws UsageException {
        long port = parseWhole(text, context + ": the port must be a number from 1 to 65535");
        if (port < 1 || port > 65535) {
            throw new UsageException(context + ": the port must be a number from 1 to 65535");
        }
        return (int) port;
    }

    static long parseWhole(String text, String message) throws UsageException {
        if (text.isEmpty() || text.length() > 18) {
            throw new UsageException(message);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new UsageException(message);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
