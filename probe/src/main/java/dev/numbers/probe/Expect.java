package dev.numbers.probe;

/**
 * The statuses that count as healthy: 2xx by default, or what {@code --expect} lists, e.g.
 * {@code 200,204}, {@code 200-399} or {@code 2xx,302}.
 *
 * @param ranges inclusive ranges: from, to, from, to, ...
 */
record Expect(int[] ranges) {

    static final Expect SUCCESS = new Expect(new int[]{200, 299});

    static Expect parse(String text) throws UsageException {
        String[] parts = text.split(",");
        int[] ranges = new int[parts.length * 2];
        String message = "--expect takes statuses such as 200, 200-299 or 2xx (each from 100 to 599), not '" + text + "'";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int dash = part.indexOf('-');
            // 2xx is 200 to 299: its first digit as a status, 1 to 5.
            boolean hundreds = part.length() == 3 && (part.endsWith("xx") || part.endsWith("XX"));
            String from = hundreds ? part.charAt(0) + "00" : dash > 0 ? part.substring(0, dash) : part;
            ranges[2 * i] = (int) Numbers.parseInRange(from, 100, 599, message, message);
            ranges[2 * i + 1] = hundreds ? ranges[2 * i] + 99
                    : dash > 0 ? (int) Numbers.parseInRange(part.substring(dash + 1), 100, 599, message, message) : ranges[2 * i];
            if (ranges[2 * i] > ranges[2 * i + 1]) {
                throw new UsageException(message);
            }
        }
        return new Expect(ranges);
    }

    boolean accepts(int status) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (status >= ranges[i] && status <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
