package dev.numbers.it.web;

import dev.numbers.it.Health;
import dev.numbers.it.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API that accepts connections and never answers, the failure the book's client hangs on: the web's
 * health and its number endpoint still answer within their bounds.
 */
@ExtendWith(ArquillianExtension.class)
class HungApiIT {

    private static final HungServer HUNG = new HungServer();

    @AfterAll
    static void closeHungServer() throws IOException {
        HUNG.close();
    }

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-before-hung-api",
                "numbers.api.url=http://127.0.0.1:" + HUNG.port(),
                "numbers.web.api-check.cache-ms=100");
    }

    @ArquillianResource
    URL web;

    @Test
    void healthAnswersWithinOneAndAHalfSeconds() {
        long start = System.nanoTime();
        HttpResponse<String> health = Http.get(web, "/health");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis < 1500, "/health took " + millis + " ms");
        assertEquals(503, health.statusCode(), health.body());
        JsonObject check = Health.requireCheck(Http.json(health), "numbers-api-reachable");
        assertEquals("DOWN", check.getString("status"));
        assertTrue(check.getJsonObject("data").getString("detail").startsWith("no answer within"), check.toString());
        assertEquals("UP", Health.requireCheck(Http.json(health), "numbers-web-threads").getString("status"));
    }

    @Test
    void aNumberRequestGivesUpAtTheTimeoutInsteadOfHanging() {
        long start = System.nanoTime();
        HttpResponse<String> json = Http.get(web, "/api/number");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(503, json.statusCode(), json.body());
        assertTrue(millis < 2500, "the fallback came after " + millis + " ms");
        assertTrue(HUNG.accepted() > 0, "the request did reach the hung server");
    }
}
