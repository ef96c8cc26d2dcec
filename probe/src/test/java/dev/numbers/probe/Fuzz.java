package dev.numbers.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test harness for the *FuzzTest classes, on plain JUnit: generators of HTTP answers
 * well-formed and not, JSON-ish text, URLs and command lines, built from the pieces the parsers look for so
 * that random inputs reach deep into them, and {@link #forAll} to try a property on many of them.
 * <p>
 * The ordinary build tries a few hundred inputs per property from a fixed seed: the same inputs on every
 * run, a few seconds for all. The long run ({@code ./mvnw -pl probe -Pfuzz test}) multiplies the tries
 * by {@code probe.fuzz.factor} and takes a random {@code probe.fuzz.seed}; a failure names its seed and
 * try, so {@code -Dfuzz.seed=N} repeats it. (Not jqwik: from 1.10 on its maintainer asks that it not be used by
 * AI coding agents, and this code was written by one.)
 */
final class Fuzz {

    static final long FIXED_SEED = 20261126L;

    private Fuzz() {
    }

    static long seed() {
        String seed = System.getProperty("probe.fuzz.seed", "");
        if (seed.equals("random")) {
            return System.nanoTime();
        }
        return seed.isEmpty() ? FIXED_SEED : Long.parseLong(seed);
    }

    /** Tries in this run: the ordinary budget, times -Dprobe.fuzz.factor in the long run. */
    static int tries(int ordinary) {
        return ordinary * Integer.getInteger("probe.fuzz.factor", 1);
    }

    /**
     * Tries {@code property} on {@code tries} generated inputs. Each try has its own seed (derived from the
     * run's seed), so a failure is repeatable from the seed printed with it.
     */
    static <T> void forAll(String name, int tries, Function<Random, T> generator, Consumer<T> property) {
        long seed = seed();
        long start = System.nanoTime();
        Random seeds = new Random(seed);
        for (int i = 0; i < tries; i++) {
            long trySeed = seeds.nextLong();
            T input = generator.apply(new Random(trySeed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + " failed at try " + (i + 1) + " of run seed " + seed + " (try seed " + trySeed
                        + ") on input " + show(input) + ": " + e, e);
            }
        }
        if (System.getProperty("probe.fuzz.factor") != null) {
            System.out.println("fuzz: " + name + ": " + tries + " inputs, seed " + seed + ", " + (System.nanoTime() - start) / 1_000_000 + " ms, no failure");
        }
    }

    static String show(Object input) {
        String shown = showWhole(input);
        return shown.length() > 1500 ? shown.substring(0, 1500) + "...(" + shown.length() + " characters)" : shown;
    }

    private static String showWhole(Object input) {
        if (input instanceof byte[] bytes) {
            return "bytes \"" + escape(new String(bytes, StandardCharsets.ISO_8859_1)) + "\"";
        }
        if (input instanceof Answer answer) {
            return "answer \"" + escape(new String(answer.bytes(), StandardCharsets.ISO_8859_1)) + "\"";
        }
        if (input instanceof String text) {
            return "\"" + escape(text) + "\"";
        }
        return String.valueOf(input);
    }

    /** Java string syntax, so that a failing input can be pasted into a regression test. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= ' ' && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    // ---- small generators ----

    @SafeVarargs
    static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String anyString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) (' ' + random.nextInt(95)));
                case 1 -> text.append((char) random.nextInt(0x100));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.append(oneOf(random, '\r', '\n', '\u0000', '\u0085', '\u2028', '\u2029', '\u202e', '\ufeff', '"', '\\'));
            }
        }
        return text.toString();
    }

    static String printable(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    static String pieces(Random random, int maxPieces, Function<Random, String> piece) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
            text.append(piece.apply(random));
        }
        return text.toString();
    }

    /** Sizes in which a network might deliver bytes (empty: all at once). */
    static List<Integer> deliverySizes(Random random) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            sizes.add(1 + random.nextInt(64));
        }
        return sizes;
    }

    // ---- HTTP answers ----

    /** A well-formed answer and what a correct reader makes of it. */
    record Answer(byte[] bytes, int status, String body, boolean delimited) {
    }

    static Answer wellFormedAnswer(Random random) {
        int status = random.nextBoolean() ? oneOf(random, 200, 204, 301, 302, 304, 400, 404, 500, 503) : 100 + random.nextInt(500);
        if (status >= 100 && status < 200 && status != 101) {
            status += 100; // a final answer; an interim one may come before it
        }
        String reason = random.nextBoolean() ? oneOf(random, "", " OK", " Service Unavailable", " ") : " " + printable(random, 20);
        String body = switch (random.nextInt(4)) {
            case 0 -> printable(random, 300);
            case 1 -> anyString(random, 100);
            case 2 -> oneOf(random, "{\"status\":\"UP\",\"checks\":[]}", "0\r\n\r\n", "ab0\r\n\r\n", "");
            default -> "x".repeat(random.nextInt(3) == 0 ? HttpCheck.MAX_BODY - 10 + random.nextInt(20) : random.nextInt(5000));
        };
        int framing = random.nextInt(3);
        boolean noBody = status < 200 || status == 204 || status == 304;
        byte[] data = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            write(out, "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n");
        }
        write(out, "HTTP/1." + random.nextInt(2) + " " + status + reason + "\r\nContent-Type: application/json\r\n");
        int bodyStart = -1;
        if (framing == 0) {
            write(out, "Content-Length: " + (noBody ? 0 : data.length) + "\r\n\r\n");
            if (!noBody) {
                out.writeBytes(data);
            }
        } else if (framing == 1) {
            write(out, "Transfer-Encoding: chunked\r\n\r\n");
            bodyStart = out.size();
            if (!noBody) {
                int at = 0;
                while (at < data.length) {
                    int size = Math.min(data.length - at, 1 + random.nextInt(random.nextBoolean() ? 40 : 9000));
                    write(out, Integer.toHexString(size) + (random.nextInt(3) == 0 ? ";name=value" : "") + "\r\n");
                    out.write(data, at, size);
                    write(out, "\r\n");
                    at += size;
                }
                write(out, "0\r\n");
                for (int i = random.nextInt(3); i > 0; i--) {
                    write(out, oneOf(random, "X-Checked: yes", "Server-Timing: db;dur=53", "A: 0", "B:") + "\r\n");
                }
                write(out, "\r\n");
            }
        } else {
            write(out, "\r\n");
            if (!noBody) {
                out.writeBytes(data);
            }
        }
        String expected = noBody ? "" : new String(data, StandardCharsets.UTF_8);
        int rawBody = bodyStart < 0 ? data.length : out.size() - bodyStart;
        if (!noBody && rawBody > HttpCheck.MAX_BODY) {
            expected = null; // cut at 64 KiB of body as sent, maybe inside a chunk or a character: not compared
        }
        return new Answer(out.toByteArray(), status, expected, noBody || framing != 2);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final String[] HTTP_PIECES = {"HTTP/1.1 ", "HTTP/1.0 ", "HTTP/", "HTTP/1.1 200 OK", "HTTP/1.1 2000", "HTTP/1.1 20",
            " 200", "200", "204", "304", "100", "103", "503", " OK", "\r\n", "\r\n\r\n", "\n", "\r", "Content-Length: ",
            "Content-Length: 5", "Content-Length: -1", "Content-Length: 99999999999999999999", "Transfer-Encoding: chunked",
            "Transfer-Encoding: gzip, chunked", "Location: ", "0", "5", "ff", "fffffffffffffff", ";ext=1", "0\r\n\r\n",
            "0\r\nX: y\r\n\r\n", "{\"status\":\"DOWN\",\"checks\":[", "\u0085", "\u00ff", "\u0000", "\t", " "};

    /** Anything: random bytes, pieces of HTTP in random order, and well-formed answers cut or corrupted. */
    static byte[] anyAnswerBytes(Random random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                return pieces(random, 40, r -> switch (r.nextInt(4)) {
                    case 0 -> anyString(r, 12);
                    case 1 -> String.valueOf(r.nextInt(70000));
                    case 2 -> Integer.toHexString(r.nextInt(0x100000));
                    default -> oneOf(r, HTTP_PIECES);
                }).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(600)];
                random.nextBytes(bytes);
                return bytes;
            }
            default -> {
                byte[] bytes = wellFormedAnswer(random).bytes();
                if (bytes.length == 0) {
                    return bytes;
                }
                int at = random.nextInt(bytes.length);
                byte b = (byte) random.nextInt(256);
                return switch (random.nextInt(4)) {
                    case 0 -> {
                        byte[] copy = bytes.clone();
                        copy[at] = b;
                        yield copy;
                    }
                    case 1 -> java.util.Arrays.copyOf(bytes, at);
                    case 2 -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at);
                        longer[at] = b;
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        yield longer;
                    }
                    default -> {
                        byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, at);
                        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                        yield shorter;
                    }
                };
            }
        }
    }

    /**
     * The bytes in pieces of the given sizes, as a network delivers them; at the end either the end of the
     * stream (the server closed) or, for a server that keeps the connection open, a read timeout.
     */
    static final class Delivery extends InputStream {
        private final byte[] bytes;
        private final List<Integer> pieces;
        private final boolean keptOpen;
        private int at;
        private int piece;
        boolean readPastTheEnd;

        Delivery(byte[] bytes, List<Integer> pieces, boolean keptOpen) {
            this.bytes = bytes;
            this.pieces = pieces;
            this.keptOpen = keptOpen;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (at >= bytes.length) {
                readPastTheEnd = true;
                if (keptOpen) {
                    throw new SocketTimeoutException("kept open: the reader waited past the end of the answer");
                }
                return -1;
            }
            int size = pieces.isEmpty() ? length : pieces.get(piece++ % pieces.size());
            int n = Math.min(Math.min(size, length), bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }
    }

    // ---- printable output ----

    /** One line of printable text ending in a newline: no control character, separator or invisible format character. */
    static boolean isOnePrintableLine(String text) {
        if (!text.endsWith("\n")) {
            return false;
        }
        String line = text.substring(0, text.length() - 1);
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
