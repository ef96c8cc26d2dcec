package dev.numbers.it.web;

import dev.numbers.it.Health;
import dev.numbers.it.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web in front of the real API on a second Liberty server: numbers, the API breaking, the circuit
 * opening and sparing the API, readiness following the API, and everything mending once the API is back.
 * The web stays live throughout.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilientNumbersIT {

    private static final long CIRCUIT_DELAY_MS = 3000;

    @Deployment(name = "api", managed = false, testable = false)
    @TargetsContainer("api")
    static WebArchive api() {
        return WebArchives.api("api-behind-web", "numbers.api.fail-after=3");
    }

    @Deployment(name = "web", testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("resilient-web",
                "numbers.api.url=" + WebArchives.API_URL,
                "numbers.web.api-check.cache-ms=100",
                WebArchives.FT + "CircuitBreaker/delay=" + CIRCUIT_DELAY_MS);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("web")
    URL web;

    private static URL apiBase() throws Exception {
        return new URL(WebArchives.API_URL + "/");
    }

    private long apiCalls() throws Exception {
        JsonObject live = Http.json(Http.get(apiBase(), "/health/live"));
        return Health.requireCheck(live, "numbers-api").getJsonObject("data").getJsonNumber("calls").longValue();
    }

    private void webStaysLive() {
        HttpResponse<String> live = Http.get(web, "/health/live");
        assertEquals(200, live.statusCode(), "the web's liveness must not follow the API: " + live.body());
    }

    @Test
    @Order(1)
    void numbersWhileTheApiIsHealthy() {
        deployer.deploy("api");

        HttpResponse<String> json = Http.get(web, "/api/number");
        assertEquals(200, json.statusCode(), json.body());
        int number = Http.json(json).getInt("number");
        assertTrue(number >= 0 && number < 100);

        HttpResponse<String> page = Http.send(web, "/", "POST");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Here it is: "), page.body());

        HttpResponse<String> ready = Http.get(web, "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", Health.requireCheck(Http.json(ready), "numbers-api-reachable").getString("status"));
        webStaysLive();
    }

    @Test
    @Order(2)
    void theBrokenApiGivesTheFallback() {
        assertEquals(200, Http.get(web, "/api/number").statusCode(), "the API's third call still gives a number");

        HttpResponse<String> json = Http.get(web, "/api/number");
        assertEquals(503, json.statusCode());
        assertEquals("RNG service unavailable", Http.json(json).getString("error"));

        HttpResponse<String> page = Http.send(web, "/", "POST");
        assertEquals(200, page.statusCode(), "the page itself never fails");
        assertTrue(page.body().contains("RNG service unavailable!"), page.body());
        webStaysLive();
    }

    @Test
    @Order(3)
    void theOpenCircuitAnswersFastWithoutCallingTheApi() throws Exception {
        for (int i = 0; i < 4; i++) {
            Http.get(web, "/api/number");
        }
        long callsBefore = apiCalls();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            HttpResponse<String> json = Http.get(web, "/api/number");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, json.statusCode());
            assertTrue(millis < 50, "an open circuit answers at once, took " + millis + " ms");
        }
        assertEquals(callsBefore, apiCalls(), "no call reached the API while the circuit was open");
        webStaysLive();
    }

    @Test
    @Order(4)
    void readinessIsDownWhileTheApiIsDown() {
        HttpResponse<String> ready = Http.get(web, "/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject check = Health.requireCheck(Http.json(ready), "numbers-api-reachable");
        assertEquals("DOWN", check.getString("status"));
        assertEquals(503, check.getJsonObject("data").getInt("status"));
        webStaysLive();
    }

    @Test
    @Order(5)
    void theApiBackClosesTheCircuitAfterItsDelay() throws Exception {
        deployer.undeploy("api");
        deployer.deploy("api");

        HttpResponse<String> ready = Http.get(web, "/health/ready");
        assertEquals(200, ready.statusCode(), "readiness follows the API back: " + ready.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int status = 0;
        while (System.nanoTime() < deadline && (status = Http.get(web, "/api/number").statusCode()) != 200) {
            Thread.sleep(250);
        }
        assertEquals(200, status, "the circuit lets a trial call through after its delay");
        assertEquals(200, Http.get(web, "/api/number").statusCode(), "and is closed again");
        webStaysLive();
        deployer.undeploy("api");
    }
}
