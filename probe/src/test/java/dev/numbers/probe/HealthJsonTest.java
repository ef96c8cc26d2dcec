package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HealthJsonTest {

    @Test
    void readsNestedDataAndEscapes() {
        String body = "{ \"status\" : \"DOWN\", \"checks\" : [ { \"name\" : \"a\\\"b\", \"status\" : \"DOWN\", "
                + "\"data\" : { \"list\" : [1, 2], \"text\" : \"x\\u0041\", \"n\" : -1.5e3, \"ok\" : false, \"none\" : null } } ] }";
        assertEquals("a\"b DOWN {list=[1, 2], text=xA, n=-1.5e3, ok=false, none=null}", HealthJson.downChecks(body));
        assertEquals("DOWN", HealthJson.status(body));
    }

    @Test
    void anythingElseIsNotHealthJson() {
        for (String body : new String[]{"", "42", "<html>", "{\"status\":\"UP\"", "{\"checks\":\"no\"}", "[1,2]", "{\"a\":1} trailing", "[".repeat(100)}) {
            assertNull(HealthJson.downChecks(body), body);
        }
    }
}
