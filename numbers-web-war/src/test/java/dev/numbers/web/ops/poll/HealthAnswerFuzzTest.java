package dev.numbers.web.ops.poll;

import dev.numbers.web.fuzz.Fuzz;
import dev.numbers.web.fuzz.Gen;
import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.state.ServiceRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a watched service answers, of any size up to the body cap and any nesting, the poll gives a
 * reading: the answer, or a failed poll with a one-line reason; never a throw, always within a bound. And
 * whatever the reading, recording it twice changes nothing the second time.
 */
class HealthAnswerFuzzTest {

    private static final String TOKENS = "{}[],:\"";
    private static final String[] WORDS = {"{", "}", "[", "]", ",", ":", "\"status\"", "\"checks\"", "\"name\"", "\"data\"", "\"UP\"",
        "\"DOWN\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\", "1", "-0", "1e999", "123456789012345678901234567890", "true", "false",
        "null", " ", "\n", "\u00ff", "\"\u2028\""};

    /** The invariant of one reading, and the time it may take. */
    static void holds(int httpStatus, byte[] body) {
        long start = System.nanoTime();
        HealthReading reading = HealthAnswer.parse(Instant.EPOCH, 1, httpStatus, body);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertNotNull(reading.status());
        assertEquals(httpStatus, reading.httpStatus());
        if (reading.answered()) {
            assertTrue(httpStatus == 200 || httpStatus == 503);
            assertTrue(reading.status() != Status.UNKNOWN);
            assertTrue(reading.checks().size() <= HealthAnswer.MAX_CHECKS);
            reading.checks().forEach(check -> assertNotNull(check.name()));
        } else {
            assertEquals(Status.DOWN, reading.status());
            assertTrue(reading.problem().length() < 120 && reading.problem().lines().count() == 1, reading.problem());
            assertEquals(List.of(), reading.checks());
        }
        recordingTwiceChangesNothing(reading);
    }

    private static void recordingTwiceChangesNothing(HealthReading reading) {
        ServiceRecord record = new ServiceRecord(new Target("t", URI.create("http://t/health")), 5, Instant.EPOCH);
        record.record(reading);
        assertEquals(List.of(), record.record(reading), "an identical answer again made transitions");
        assertTrue(record.view().checks().size() <= ServiceRecord.MAX_TRACKED_CHECKS);
    }

    private static int status(RandomGenerator random) {
        int pick = random.nextInt(10);
        return pick < 5 ? 200 : pick < 8 ? 503 : random.nextInt(-1, 1000);
    }

    @Test
    void anyBytes() {
        Fuzz.forAll("HealthAnswer any bytes", 300, random -> Gen.bytes(random, HealthReader.MAX_BODY, 1, 2, HealthReader.MAX_BODY),
                body -> holds(200, body));
    }

    @Test
    void anySoupOfJsonTokens() {
        Fuzz.forAll("HealthAnswer token soup", 500, random -> {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "{\"status\":\"UP\",\"checks\":[" : "");
            int words = Gen.length(random, 3000, 64, 1000);
            for (int i = 0; i < words; i++) {
                text.append(random.nextInt(3) == 0 ? String.valueOf(TOKENS.charAt(random.nextInt(TOKENS.length())))
                        : WORDS[random.nextInt(WORDS.length)]);
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }, body -> holds(200, body));
    }

    @Test
    void anyNesting() {
        Fuzz.forAll("HealthAnswer nesting", 150, random -> {
            int depth = Gen.length(random, HealthReader.MAX_BODY / 2, HealthAnswer.MAX_DEPTH, 1000);
            StringBuilder text = new StringBuilder("{\"status\":\"UP\",\"checks\":[{\"name\":\"n\",\"status\":\"UP\",\"data\":{\"d\":");
            for (int i = 0; i < depth && text.length() < HealthReader.MAX_BODY - 2; i++) {
                text.append(random.nextBoolean() ? "[" : "{\"k\":");
            }
            if (random.nextBoolean()) {
                text.append("1").append("]".repeat(Math.max(0, Math.min(depth, HealthReader.MAX_BODY - text.length()))));
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }, body -> holds(200, body));
    }

    @Test
    void goodAnswersAreReadAsSent() {
        Fuzz.forAll("HealthAnswer good answers", 300, HealthAnswerFuzzTest::goodAnswer, HealthAnswerFuzzTest::readAsSent);
    }

    /** The property of a good answer (also driven by Jazzer: HealthAnswerJazzerTest): read as sent. */
    static void readAsSent(Answer answer) {
        HealthReading reading = HealthAnswer.parse(Instant.EPOCH, 1, answer.httpStatus(), answer.json().getBytes(StandardCharsets.UTF_8));
        assertNull(reading.problem());
        assertEquals(answer.status(), reading.status());
        List<CheckReading> expected = answer.checks().subList(0, Math.min(answer.checks().size(), HealthAnswer.MAX_CHECKS));
        assertEquals(expected.stream().map(CheckReading::name).toList(), reading.checks().stream().map(CheckReading::name).toList());
        assertEquals(expected.stream().map(CheckReading::status).toList(), reading.checks().stream().map(CheckReading::status).toList());
        recordingTwiceChangesNothing(reading);
    }

    @Test
    void goodAnswersWithAFewChanges() {
        Fuzz.forAll("HealthAnswer mutated answers", 500, random -> new Object[] {status(random),
            Gen.mutated(random, goodAnswer(random).json().getBytes(StandardCharsets.UTF_8), TOKENS)},
                input -> holds((int) input[0], (byte[]) input[1]));
    }

    record Answer(int httpStatus, Status status, List<CheckReading> checks, String json) {
    }

    /** A MicroProfile Health answer with 0 to 80 checks, names often repeated, data of any JSON. */
    static Answer goodAnswer(RandomGenerator random) {
        Status overall = random.nextBoolean() ? Status.UP : Status.DOWN;
        int count = Gen.length(random, 80, HealthAnswer.MAX_CHECKS);
        List<CheckReading> checks = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"status\":\"" + overall + "\",\"checks\":[");
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(4) == 0 ? "same" : "check-" + random.nextInt(1000) + (random.nextBoolean() ? "\u00e9\u2028\"<" : "");
            Status status = random.nextBoolean() ? Status.UP : Status.DOWN;
            checks.add(new CheckReading(name, status, null));
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(quoted(name)).append(",\"status\":\"").append(status).append('"');
            if (random.nextBoolean()) {
                json.append(",\"data\":");
                value(random, json, 0, true);
            }
            json.append('}');
        }
        json.append("]}");
        return new Answer(overall == Status.UP ? 200 : 503, overall, checks, json.toString());
    }

    private static void value(RandomGenerator random, StringBuilder json, int depth, boolean object) {
        int pick = depth > 8 ? 2 + random.nextInt(4) : random.nextInt(6);
        if (object || pick == 0) {
            json.append('{');
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                json.append(i == 0 ? "" : ",").append(quoted("k" + random.nextInt(5))).append(':');
                value(random, json, depth + 1, false);
            }
            json.append('}');
        } else if (pick == 1) {
            json.append('[');
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                json.append(i == 0 ? "" : ",");
                value(random, json, depth + 1, false);
            }
            json.append(']');
        } else if (pick == 2) {
            json.append(random.nextLong());
        } else if (pick == 3) {
            json.append(random.nextDouble() * 1e6);
        } else if (pick == 4) {
            json.append(random.nextBoolean() ? "true" : "null");
        } else {
            json.append(quoted(Gen.awkward(random, 12)));
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
