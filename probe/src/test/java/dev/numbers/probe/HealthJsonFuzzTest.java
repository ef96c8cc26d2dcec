package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** HealthJson, the summary of a MicroProfile Health answer: any text is a summary or null, never an exception. */
class HealthJsonFuzzTest {

    private static final String[] PIECES = {"{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\u00e9", "\\ud83d", "\\\"", "true", "false",
            "null", "-1.5e3", "0", "\"status\"", "\"checks\"", "\"name\"", "\"data\"", "\"UP\"", "\"DOWN\"", " ", "\n", "\u2028", "\u0085", "DOWN"};

    static String jsonish(Random random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                int n = 1 + random.nextInt(3000);
                return "[".repeat(n) + (random.nextBoolean() ? "]".repeat(n) : "");
            }
            case 1 -> {
                return Fuzz.anyString(random, 200);
            }
            case 2 -> {
                // a real answer, corrupted in a few places
                char[] text = health(random).json().toCharArray();
                for (int i = random.nextInt(4); i > 0 && text.length > 0; i--) {
                    text[random.nextInt(text.length)] = Fuzz.oneOf(random, PIECES).charAt(0);
                }
                return new String(text);
            }
            default -> {
                return Fuzz.pieces(random, 60, r -> r.nextInt(5) == 0 ? Fuzz.anyString(r, 6) : Fuzz.oneOf(r, PIECES));
            }
        }
    }

    record Check(String name, boolean up, String data) {
    }

    record Health(String json, boolean up, List<Check> checks) {
        @Override
        public String toString() {
            return Fuzz.show(json);
        }
    }

    static Health health(Random random) {
        List<Check> checks = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            StringBuilder name = new StringBuilder();
            for (int j = 1 + random.nextInt(12); j > 0; j--) {
                name.append(random.nextInt(5) == 0 ? (char) Fuzz.oneOf(random, '-', ' ', '"', '\\', '\u00e9') : (char) ('a' + random.nextInt(26)));
            }
            StringBuilder data = new StringBuilder("{");
            for (int j = random.nextInt(4); j > 0; j--) {
                data.append(data.length() > 1 ? "," : "").append("\"k").append(j).append("\": ")
                        .append(random.nextBoolean() ? String.valueOf(random.nextInt(5000) - 5) : Fuzz.oneOf(random, "true", "false", "\"text\"", "null"));
            }
            checks.add(new Check(name.toString(), random.nextBoolean(), data.append('}').toString()));
        }
        String ws = Fuzz.oneOf(random, "", " ", "\n  ", "\t");
        boolean up = checks.stream().allMatch(Check::up);
        StringBuilder json = new StringBuilder(ws + "{\"status\":" + ws + "\"" + (up ? "UP" : "DOWN") + "\"," + ws + "\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            json.append(i == 0 ? "" : "," + ws).append("{").append(ws).append("\"name\":").append(ws)
                    .append('"').append(c.name().replace("\\", "\\\\").replace("\"", "\\\"")).append("\",").append(ws)
                    .append("\"status\":\"").append(c.up() ? "UP" : "DOWN").append("\",").append(ws).append("\"data\":").append(c.data()).append('}');
        }
        return new Health(json.append("]}").append(ws).toString(), up, checks);
    }

    @Test
    void anyTextGivesASummaryOrNullNeverAnException() {
        Fuzz.forAll("any JSON-ish text", Fuzz.tries(600), HealthJsonFuzzTest::jsonish, HealthJsonFuzzTest::noException);
    }

    /** The property of any text (also driven by Jazzer: HealthJsonJazzerTest): no exception escapes. */
    static void noException(String body) {
        HealthJson.downChecks(body);
        HealthJsonTest.status(body);
    }

    @Test
    void aHealthAnswerIsSummarisedByItsDownChecksInOrder() {
        Fuzz.forAll("health answers", Fuzz.tries(400), HealthJsonFuzzTest::health, HealthJsonFuzzTest::summarised);
    }

    /** The property of a health answer (also driven by Jazzer: HealthJsonJazzerTest). */
    static void summarised(Health health) {
        assertEquals(health.up() ? "UP" : "DOWN", HealthJsonTest.status(health.json()));
        List<String> down = new ArrayList<>();
        for (Check check : health.checks()) {
            if (!check.up()) {
                down.add(check.name() + " DOWN");
            }
        }
        String summary = HealthJson.downChecks(health.json());
        List<String> named = new ArrayList<>();
        for (String part : summary.isEmpty() ? new String[0] : summary.split("; ")) {
            named.add(part.substring(0, part.indexOf(" DOWN") + 5));
        }
        assertEquals(down, named, summary);
    }
}
