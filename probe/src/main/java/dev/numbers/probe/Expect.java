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
            String message = "--expect takes statuses such as 200, 200-299 or 2xx, not '" + text + "'";
            int dash = part.indexOf('-');
            if (part.length() == 3 && (part.endsWith("xx") || part.endsWith("XX"))) {
                int hundreds = (int) Numbers.parseWhole(part.substring(0, 1), message);
                from[i] = hundreds * 100;
                to[i] = hundreds * 100 + 99;
            } else if (dash > 0) {
                from[i] = (int) Numbers.parseWhole(part.substring(0, dash), message);
                to[i] = (int) Numbers.parseWhole(part.substring(dash + 1), message);
            } else {
                from[i] = (int) Numbers.parseWhole(part, message);
                to[i] = from[i];
            }
            if (from[i] < 100 || to[i] > 599 || from[i] > to[i]) {
                throw new UsageException(message);
            }
        }
        return new Expect(from, to);
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
