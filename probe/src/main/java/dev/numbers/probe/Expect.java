package dev.numbers.probe;

/**
 * The statuses that count as healthy: 2xx by default, or what {@code --expect} lists, e.g.
 * {@code 200,204}, {@code 200-399} or {@code 2xx,302}.
 */
final class Expect {

    static final Expect SUCCESS = new Expect(new int[]{200}, new int[]{299});

    private final int[] from;
    private final int[] to;

    private Expect(int[] from, int[] to) {
        this.from = from;
        this.to = to;
    }

    static Expect parse(String text) throws UsageException {
        String[] parts = text.split(",");
        int[] from = new int[parts.length];
        int[] to = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            String message = "--expect takes statuses such as 200, 200-299 or 2xx (each from 100 to 599), not '" + text + "'";
            int dash = part.indexOf('-');
            if (part.length() == 3 && (part.endsWith("xx") || part.endsWith("XX"))) {
                int hundreds = status(part.substring(0, 1), 1, 5, message);
                from[i] = hundreds * 100;
                to[i] = hundreds * 100 + 99;
            } else if (dash > 0) {
                from[i] = status(part.substring(0, dash), 100, 599, message);
                to[i] = status(part.substring(dash + 1), 100, 599, message);
            } else {
                from[i] = status(part, 100, 599, message);
                to[i] = from[i];
            }
            if (from[i] < 100 || to[i] > 599 || from[i] > to[i]) {
                throw new UsageException(message);
            }
        }
        return new Expect(from, to);
    }

    /** Checked before it is narrowed to an int: 4294967496 is not 200. */
    private static int status(String text, int min, int max, String message) throws UsageException {
        long value = Numbers.parseWhole(text, message);
        if (value < min || value > max) {
            throw new UsageException(message);
        }
        return (int) value;
    }

    boolean accepts(int status) {
        for (int i = 0; i < from.length; i++) {
            if (status >= from[i] && status <= to[i]) {
                return true;
            }
        }
        return false;
    }
}
