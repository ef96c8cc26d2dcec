package dev.numbers.web.number.control;

import dev.numbers.web.fuzz.Fuzz;
import dev.numbers.web.fuzz.Gen;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever the API answers, the web gets a number 0..99 or a {@link BadAnswerException} with one short
 * printable line (an {@link IOException} only when the stream itself breaks), reads at most
 * {@link AnswerReader#LIMIT} + 1 bytes, and a number only when the answer is that number in ASCII digits.
 */
class AnswerReaderFuzzTest {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[\\t\\n\\r\\f\\u000b ]*-?0*([0-9]{1,2})[\\t\\n\\r\\f\\u000b ]*");

    /** The outcome of one read: the number, or the refusal's message. */
    private record Outcome(Integer number, String refusal) {
    }

    private static Outcome read(InputStream body) throws IOException {
        try {
            return new Outcome(AnswerReader.read(body), null);
        } catch (BadAnswerException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static void holds(byte[] answer, Outcome outcome) {
        if (outcome.number() != null) {
            int n = outcome.number();
            assertTrue(n >= 0 && n < 100, "out of range: " + n);
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(PLAIN_NUMBER.matcher(text).matches() && Integer.parseInt(text.trim()) == n,
                    "a number only from plain ASCII digits, got " + n);
        } else {
            String message = outcome.refusal();
            assertTrue(message.length() <= 80, "a short line: " + message);
            for (char c : message.toCharArray()) {
                assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != '\u2028' && c != '\u2029',
                        "one printable line, found U+" + Integer.toHexString(c) + " in: " + message);
            }
        }
    }

    /** Counts what was read, so that the limit is seen to hold. */
    private static final class Counting extends InputStream {
        private final byte[] bytes;
        private final SplittableRandom chunks;
        private int position;

        Counting(byte[] bytes, SplittableRandom chunks) {
            this.bytes = bytes;
            this.chunks = chunks;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        /** A network stream gives what has come so far: here 1 to 9 bytes at a time. */
        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + chunks.nextInt(9)), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }
    }

    static void anyAnswer(byte[] answer, SplittableRandom chunks) {
        try {
            Counting body = new Counting(answer, chunks);
            Outcome outcome = read(body);
            holds(answer, outcome);
            assertTrue(body.position <= AnswerReader.LIMIT + 1, "read " + body.position + " bytes");
            assertEquals(outcome, read(new ByteArrayInputStream(answer)), "the same answer in one piece reads the same");
        } catch (IOException e) {
            fail("no IOException from a stream that does not break", e);
        }
    }

    @Test
    void anyBytes() {
        Fuzz.forAll("AnswerReader any bytes", 2000, random -> Gen.bytes(random, 200, AnswerReader.LIMIT),
                answer -> anyAnswer(answer, new SplittableRandom(answer.length)));
    }

    @Test
    void anyAwkwardText() {
        Fuzz.forAll("AnswerReader awkward text", 2000, random -> Gen.awkward(random, 40).getBytes(StandardCharsets.UTF_8),
                answer -> anyAnswer(answer, new SplittableRandom(answer.length)));
    }

    @Test
    void everyNumberTheApiSendsIsRead() {
        Fuzz.forAll("AnswerReader good numbers", 500, random -> {
            String pad = " \t\r\n".substring(random.nextInt(4));
            return pad + random.nextInt(100) + pad;
        }, answer -> {
            try {
                assertEquals(Integer.parseInt(answer.trim()), AnswerReader.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                fail(e);
            }
        });
    }

    @Test
    void aStreamThatBreaksGivesItsIOExceptionAndNothingElse() {
        Fuzz.forAll("AnswerReader broken stream", 500, random -> Gen.bytes(random, 80, 64), answer -> {
            InputStream breaking = new InputStream() {
                private int position;

                @Override
                public int read() throws IOException {
                    if (position == answer.length / 2) {
                        throw new IOException("connection reset");
                    }
                    return position < answer.length ? answer[position++] & 0xff : -1;
                }
            };
            try {
                holds(answer, read(breaking));
            } catch (IOException expected) {
                assertEquals("connection reset", expected.getMessage());
            }
        });
    }
}
