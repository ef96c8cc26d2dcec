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
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each health endpoint of a fresh API, and how the API answers what it does not serve. */
@ExtendWith(ArquillianExtension.class)
class HealthEndpointsIT {

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("health-endpoints");
    }

    @ArquillianResource
    URL base;

    private JsonObject upWithChecks(String path, String... names) {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        Set<String> found = health.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(names), found, path);
        return health;
    }

    @Test
    void livenessReportsTheBugAndTheHeap() {
        JsonObject health = upWithChecks("/health/live", "numbers-api", "heap-memory");
        JsonObject heap = Health.requireCheck(health, "heap-memory").getJsonObject("data");
        assertTrue(heap.getJsonNumber("usedBytes").longValue() > 0);
        assertTrue(heap.getJsonNumber("maxBytes").longValue() >= heap.getJsonNumber("usedBytes").longValue());
        assertEquals("0.9", heap.getString("threshold"));
    }

    @Test
    void readinessSaysInitialisedAndServing() {
        JsonObject health = upWithChecks("/health/ready", "numbers-api-rng");
        JsonObject data = Health.requireCheck(health, "numbers-api-rng").getJsonObject("data");
        assertTrue(data.getBoolean("initialised"));
        assertTrue(data.getBoolean("serving"));
    }

    @Test
    void startupReportsWhenTheAppWasInitialised() {
        JsonObject health = upWithChecks("/health/started", "numbers-api-started");
        assertFalse(Health.requireCheck(health, "numbers-api-started").getJsonObject("data").getString("since").isBlank());
    }

    @Test
    void healthAggregatesAllOfThem() {
        upWithChecks("/health", "numbers-api", "heap-memory", "numbers-api-rng", "numbers-api-started");
    }

    @Test
    void anUnknownPathIsAPlain404() {
        HttpResponse<String> response = Http.get(base, "/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("404 Not Found", response.body());
    }

    @Test
    void aWrongMethodIsA405ThatSaysWhatIsAllowed() {
        HttpResponse<String> response = Http.send(base, "/rng", "POST");
        assertEquals(405, response.statusCode());
        assertEquals("405 Method Not Allowed", response.body());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers().toString());
    }

    @Test
    void anAcceptHeaderTheApiCannotServeIsAPlain406() {
        HttpResponse<String> response = Http.send(base, "/rng", "GET", "Accept", "application/json");
        assertEquals(406, response.statusCode());
        assertEquals("406 Not Acceptable", response.body());
    }

    @Test
    void errorsCountNoCallsAgainstTheBudget() {
        Http.get(base, "/no-such-thing");
        Http.send(base, "/rng", "DELETE");
        JsonObject rng = Health.requireCheck(Http.json(Http.get(base, "/health/live")), "numbers-api");
        assertEquals(0, rng.getJsonObject("data").getJsonNumber("calls").longValue());
    }
}
