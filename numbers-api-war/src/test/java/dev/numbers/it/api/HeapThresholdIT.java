package dev.numbers.it.api;

import jakarta.json.JsonObject;
import dev.numbers.it.ApiArchive;
import dev.numbers.it.Health;
import dev.numbers.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory check, set so low through configuration that any heap is over it. */
@ExtendWith(ArquillianExtension.class)
class HeapThresholdIT {

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("heap-threshold", "numbers.health.heap-threshold=0.0001");
    }

    @ArquillianResource
    URL base;

    @Test
    void aLowThresholdTurnsLivenessDownOnTheHeapAlone() {
        HttpResponse<String> live = Http.get(base, "/health/live");
        assertEquals(503, live.statusCode(), live.body());
        JsonObject health = Http.json(live);
        JsonObject heap = Health.requireCheck(health, "heap-memory");
        assertEquals("DOWN", heap.getString("status"));
        assertEquals("1.0E-4", heap.getJsonObject("data").getString("threshold"));
        assertEquals("UP", Health.requireCheck(health, "numbers-api").getString("status"), "the bug has not struck");
        assertEquals(200, Http.get(base, "/rng").statusCode(), "a memory alarm does not stop the service by itself");
    }
}
