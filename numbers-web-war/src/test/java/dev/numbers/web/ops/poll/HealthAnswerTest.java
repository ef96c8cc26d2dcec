package dev.numbers.web.ops.poll;

import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthAnswerTest {

    private static HealthReading parse(int httpStatus, String body) {
        return HealthAnswer.parse(Instant.EPOCH, 7, httpStatus, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMicroProfileHealthAnswerGivesItsStatusChecksAndData() {
        HealthReading reading = parse(503, """
                {"status":"DOWN","checks":[
                  {"name":"numbers-api","status":"DOWN","data":{"calls":4,"failAfter":3}},
                  {"name":"heap-memory","status":"UP"}]}
                """);

        assertNull(reading.problem());
        assertEquals(Status.DOWN, reading.status());
        assertEquals(2, reading.checks().size());
        CheckReading api = reading.checks().get(0);
        assertEquals("numbers-api", api.name());
        assertEquals(Status.DOWN, api.status());
        assertEquals(4, api.data().getInt("calls"));
        assertEquals(Status.UP, reading.checks().get(1).status());
        assertEquals(0, reading.checks().get(1).data().size());
    }

    @Test
    void anyOtherHttpStatusIsAFailedPoll() {
        HealthReading reading = parse(404, "{\"status\":\"UP\",\"checks\":[]}");

        assertEquals(Status.DOWN, reading.status());
        assertEquals("HTTP 404, not a health answer", reading.problem());
    }

    @Test
    void aBodyThatIsNotHealthJsonIsAFailedPollWhateverItSays() {
        for (String body : new String[] {"<html>UP</html>", "[]", "{\"status\":\"UP\"}", "{\"status\":\"FINE\",\"checks\":[]}",
                "{\"status\":\"UP\",\"checks\":[{\"status\":\"UP\"}]}", "{\"status\":\"UP\",\"checks\":[1]}", ""}) {
            HealthReading reading = parse(200, body);
            assertEquals("HTTP 200, but not MicroProfile Health JSON", reading.problem(), body);
            assertEquals(Status.DOWN, reading.status(), body);
        }
    }

    @Test
    void aFloodOfChecksIsCut() {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            checks.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"status\":\"UP\"}");
        }
        HealthReading reading = parse(200, "{\"status\":\"UP\",\"checks\":[" + checks + "]}");

        assertEquals(HealthAnswer.MAX_CHECKS, reading.checks().size());
    }

    @Test
    void aBodyTheParserRejectsInAnyWayIsAFailedPollWithOneLine() {
        // 1,000 nested arrays in 2 KB: the parser's own depth limit threw a plain RuntimeException, the
        // poll was logged and not recorded, and the service went on showing its last status, UP.
        String deep = "[".repeat(1000) + "]".repeat(1000);
        for (String body : new String[] {deep, "{\"status\":\"UP\",\"checks\":" + deep + "}",
                "{\"status\":\"UP\",\"checks\":[{\"name\":\"a\",\"status\":\"UP\",\"data\":{\"x\":" + deep + "}}]}",
                "[".repeat(60_000), "{\"a\":".repeat(9_000)}) {
            HealthReading reading = parse(200, body);
            assertEquals(Status.DOWN, reading.status());
            assertTrue(reading.problem().startsWith("HTTP 200, but not MicroProfile Health JSON"), reading.problem());
            assertFalse(reading.problem().contains("\n"));
        }
    }

    @Test
    void anAnswerNestedAsDeepAsARealOneIsRead() {
        String data = "{\"a\":".repeat(20) + "1" + "}".repeat(20);
        HealthReading reading = parse(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"x\",\"status\":\"UP\",\"data\":" + data + "}]}");

        assertNull(reading.problem());
        assertEquals(1, reading.checks().size());
    }
}
