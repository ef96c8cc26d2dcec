package dev.numbers.it.api;

import jakarta.json.JsonObject;
import dev.numbers.it.ApiArchive;
import dev.numbers.it.Health;
import dev.numbers.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The book's exercise: three numbers, then the bug strikes, and the health check says so. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookScenarioIT {

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("book-scenario", "numbers.api.fail-after=3");
    }

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void aFreshApiIsHealthy() {
        HttpResponse<String> live = Http.get(base, "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Http.json(live).getString("status"));
    }

    @Test
    @Order(2)
    void theFirstThreeCallsGiveNumbersBelowOneHundred() {
        for (int call = 1; call <= 3; call++) {
            HttpResponse<String> rng = Http.get(base, "/rng");
            assertEquals(200, rng.statusCode(), "call " + call + ": " + rng.body());
            assertTrue(rng.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            int number = Integer.parseInt(rng.body().trim());
            assertTrue(number >= 0 && number < 100, "out of range: " + number);
        }
    }

    @Test
    @Order(3)
    void theFourthCallFailsWithAShortPlainError() {
        HttpResponse<String> rng = Http.get(base, "/rng");
        assertEquals(500, rng.statusCode());
        assertTrue(rng.body().startsWith("RNG broken"), rng.body());
        assertFalse(rng.body().contains("Exception"), "no stack trace: " + rng.body());
    }

    @Test
    @Order(4)
    void livenessIsDownAndNamesTheBrokenCheckWithItsData() {
        HttpResponse<String> live = Http.get(base, "/health/live");
        assertEquals(503, live.statusCode(), live.body());
        JsonObject health = Http.json(live);
        JsonObject rng = Health.requireCheck(health, "numbers-api");
        assertAll(
                () -> assertEquals("DOWN", health.getString("status")),
                () -> assertEquals("DOWN", rng.getString("status")),
                () -> assertEquals(4, rng.getJsonObject("data").getJsonNumber("calls").longValue()),
                () -> assertEquals(3, rng.getJsonObject("data").getJsonNumber("failAfter").longValue()),
                () -> assertEquals("UP", Health.requireCheck(health, "heap-memory").getString("status")));
    }

    @Test
    @Order(5)
    void itIsBrokenForGoodAndNoLongerReady() {
        assertEquals(500, Http.get(base, "/rng").statusCode());
        HttpResponse<String> ready = Http.get(base, "/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", Health.requireCheck(Http.json(ready), "numbers-api-rng").getString("status"));
        assertEquals(503, Http.get(base, "/health").statusCode());
    }
}
