package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HealthJsonTest {

    /** The answer's overall status, or null when it is not health JSON. */
    static String status(String body) {
        return HealthJson.parse(body) instanceof Map<?, ?> health && health.get("status") instanceof String status ? status : null;
    }

    @Test
    void readsNestedDataAndEscapes() {
        String body = "{ \"status\" : \"DOWN\", \"checks\" : [ { \"name\" : \"a\\\"b\", \"status\" : \"DOWN\", "
                + "\"data\" : { \"list\" : [1, 2], \"text\" : \"x\\u0041\", \"n\" : -1.5e3, \"ok\" : false, \"none\" : null } } ] }";
        assertEquals("a\"b DOWN {list=[1, 2], text=xA, n=-1.5e3, ok=false, none=null}", HealthJson.downChecks(body));
        assertEquals("DOWN", status(body));
    }

    @Test
    void anythingElseIsNotHealthJson() {
        for (String body : new String[]{"", "42", "<html>", "{\"status\":\"UP\"", "{\"checks\":\"no\"}", "[1,2]", "{\"a\":1} trailing", "[".repeat(100)}) {
            assertNull(HealthJson.downChecks(body), body);
        }
    }

    @Test
    void everyCutAndEveryCorruptionOfARealAnswerGivesAnAnswerOrNullNeverAnException() {
        String real = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"numbers-api\",\"status\":\"DOWN\","
                + "\"data\":{\"calls\":4,\"failAfter\":3,\"note\":\"x\\u00e9\\\"y\",\"nested\":{\"a\":[1,{\"b\":null}]}}}]}";
        assertEquals("numbers-api DOWN {calls=4, failAfter=3, note=x\u00e9\"y, nested={a=[1, {b=null}]}}", HealthJson.downChecks(real));
        for (int cut = 0; cut < real.length(); cut++) {
            assertNull(HealthJson.downChecks(real.substring(0, cut)), "cut at " + cut);
        }
        Random random = new Random(8);
        String alphabet = "{}[]\":,\\u0 \n\ttrue";
        for (int round = 0; round < 5000; round++) {
            char[] corrupted = real.toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupted[random.nextInt(corrupted.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String body = new String(corrupted);
            assertDoesNotThrow(() -> HealthJson.downChecks(body), body);
            assertDoesNotThrow(() -> status(body), body);
        }
    }
}
