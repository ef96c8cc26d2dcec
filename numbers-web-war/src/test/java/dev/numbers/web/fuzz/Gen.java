package dev.numbers.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Inputs for the parsers: random bytes, awkward text, and mutations of good answers. From any {@link RandomGenerator}:
 * the seeded SplittableRandom of {@link Fuzz}, or a {@link dev.numbers.fuzz.FuzzedRandom} whose choices Jazzer makes.
 */
public final class Gen {

    /** Characters that have broken parsers and log lines before: signs, spaces, controls, other digits, separators. */
    private static final String AWKWARD = "0123456789+-. \t\n\r\u000b\f\u0000\u0007\u001b\u007f\u0085\u0080\u009f\u00a0"
            + "\u2028\u2029\u200b\ufeff\u0660\u0664\u0662\u06f4\u0966\uff14\uff12\u00b2\ud800\udc00\ud83d\ude00eE_xX";

    private Gen() {
    }

    /** A length that is mostly small, sometimes around a boundary, now and then up to max. */
    public static int length(RandomGenerator random, int max, int... boundaries) {
        int pick = random.nextInt(10);
        if (pick < 6) {
            return random.nextInt(Math.min(max, 16) + 1);
        }
        if (pick < 8 && boundaries.length > 0) {
            int boundary = boundaries[random.nextInt(boundaries.length)];
            return Math.max(0, Math.min(max, boundary + random.nextInt(5) - 2));
        }
        return random.nextInt(max + 1);
    }

    public static byte[] bytes(RandomGenerator random, int max, int... boundaries) {
        byte[] bytes = new byte[length(random, max, boundaries)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Text from the awkward characters and, at times, any UTF-16 unit at all. */
    public static String awkward(RandomGenerator random, int maxLength) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000) : AWKWARD.charAt(random.nextInt(AWKWARD.length())));
        }
        return text.toString();
    }

    /** The bytes with a few changes: flipped, inserted, removed, duplicated or cut. */
    public static byte[] mutated(RandomGenerator random, byte[] good, String insertable) {
        byte[] bytes = good;
        int changes = 1 + random.nextInt(4);
        for (int c = 0; c < changes; c++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bytes = bytes.clone();
                    if (bytes.length > 0) {
                        bytes[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    continue;
                }
                case 1 -> {
                    out.write(bytes, 0, at);
                    byte[] piece = (random.nextBoolean() ? String.valueOf(insertable.charAt(random.nextInt(insertable.length())))
                            : awkward(random, 4)).getBytes(StandardCharsets.UTF_8);
                    out.write(piece, 0, piece.length);
                    out.write(bytes, at, bytes.length - at);
                }
                case 2 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(8));
                    out.write(bytes, 0, at);
                    out.write(bytes, end, bytes.length - end);
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
                    out.write(bytes, 0, end);
                    out.write(bytes, at, bytes.length - at);
                }
                default -> out.write(bytes, 0, at);
            }
            bytes = out.toByteArray();
        }
        return bytes;
    }
}
