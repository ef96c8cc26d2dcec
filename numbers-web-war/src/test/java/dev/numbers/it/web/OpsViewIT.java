package dev.numbers.it.web;

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
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations view in front of the real API: the API breaks and /ops/status, the page and /metrics
 * show it DOWN with the time it happened while the web stays UP; the circuit breaker opens and closes
 * and all three follow its real state. The view and /metrics answer only the monitor user, over HTTPS.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsViewIT {

    private static final long CIRCUIT_DELAY_MS = 2000;
    private static final Duration SOON = Duration.ofSeconds(10);

    @Deployment(name = "api", managed = false, testable = false)
    @TargetsContainer("api")
    static WebArchive api() {
        return WebArchives.api("api-watched", "numbers.api.fail-after=3");
    }

    @Deployment(name = "web", testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        // The targets are the defaults: the web's own liveness on its own port, and the API's /health.
        return WebArchives.web("web-watching",
                "numbers.api.url=" + WebArchives.API_URL,
                "numbers.ops.interval-ms=300",
                WebArchives.FT + "CircuitBreaker/delay=" + CIRCUIT_DELAY_MS);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("web")
    URL web;

    private String page() {
        return Http.asMonitor(web, "/ops").body();
    }

    private String metrics() {
        return Http.asMonitor(web, "/metrics").body();
    }

    private static String gauge(String name, String tag, String value) {
        return name + "{mp_scope=\"application\"," + tag + "=\"" + value + "\",}";
    }

    @Test
    @Order(0)
    void theManagementSideAnswersTheMonitorUserOverHttpsOnly() {
        for (String path : new String[] {"/ops", "/ops/status", "/metrics"}) {
            HttpResponse<String> plain = Http.get(web, path);
            assertEquals(302, plain.statusCode(), path + " over plain HTTP is sent to HTTPS");
            assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"), path + " redirects to HTTPS");
            assertFalse(plain.body().contains("numbers"), path + " says nothing over plain HTTP");
            assertEquals(401, Http.management(web, path, null).statusCode(), path + " without a user");
            assertEquals(401, Http.management(web, path, "monitor:not-the-password").statusCode(), path + " with a wrong password");
            assertEquals(200, Http.asMonitor(web, path).statusCode(), path + " as the monitor user");
        }
        assertEquals(200, Http.get(web, "/health/live").statusCode(), "platforms read /health without a user");
        assertEquals(200, Http.get(web, "/").statusCode(), "the page stays open");
    }

    @Test
    @Order(1)
    void bothServicesUpWithTheDefaultTargets() {
        deployer.deploy("api");

        // UP with the API's own checks: before the deployment, the API's bare server answers UP with no checks,
        // and a poll during the deployment may still time out; only a poll of the deployed app counts here.
        Eventually.await("the deployed API seen UP", SOON, () -> Ops.service(Ops.status(web), "numbers-api"),
                api -> "UP".equals(api.getString("status")) && !api.getJsonArray("checks").isEmpty());
        JsonObject status = Ops.status(web);
        JsonObject self = Ops.service(status, "numbers-web");
        assertEquals("UP", self.getString("status"));
        assertEquals("http://localhost:" + web.getPort() + "/health/live", self.getString("url"), "the web finds its own port");
        assertEquals(WebArchives.API_URL + "/health", Ops.service(status, "numbers-api").getString("url"));
        assertEquals("closed", status.getJsonObject("circuitBreaker").getString("state"));
        assertTrue(page().contains("data-service=\"numbers-api\" data-status=\"UP\""));
        // On a cold first server a poll can still miss its 1 s bound (a CI run saw it): the gauge follows the next one.
        Eventually.await("the API's gauge at 1", SOON, this::metrics,
                m -> m.contains(gauge("numbers_ops_service_up", "service", "numbers-api") + " 1.0"));
        String policy = Http.asMonitor(web, "/ops").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.startsWith("default-src 'none'") && policy.contains("script-src 'sha256-"),
                "the page runs nothing but its own script: " + policy);
    }

    @Test
    @Order(2)
    void theBrokenApiTurnsDownWithATimestampWhileTheWebStaysUp() throws Exception {
        Instant broken = Instant.now();
        for (int call = 0; call < 4; call++) {
            Http.get(new URL(WebArchives.API_URL + "/"), "/rng");
        }

        JsonObject status = Eventually.await("the API seen DOWN", SOON, () -> Ops.status(web),
                s -> "DOWN".equals(Ops.service(s, "numbers-api").getString("status")));
        JsonObject down = Ops.transition(status, "numbers-api", "DOWN").orElseThrow(() -> new AssertionError("no transition to DOWN"));
        assertEquals("UP", down.getString("from"));
        Instant at = Instant.parse(down.getString("at"));
        assertFalse(at.isBefore(broken.minusSeconds(1)), "the transition is stamped when it happened: " + at);
        assertEquals("HTTP 503", down.getString("detail"));
        assertEquals("UP", Ops.service(status, "numbers-web").getString("status"), "a broken API never makes the web DOWN");

        assertTrue(page().contains("data-service=\"numbers-api\" data-status=\"DOWN\""));
        assertTrue(page().contains("data-service=\"numbers-web\" data-status=\"UP\""));
        assertTrue(metrics().contains(gauge("numbers_ops_service_up", "service", "numbers-api") + " 0.0"));
        assertTrue(metrics().contains(gauge("numbers_ops_service_up", "service", "numbers-web") + " 1.0"));
    }

    @Test
    @Order(3)
    void theOpenCircuitIsShownAsOpen() {
        Eventually.await("the circuit open after calls to the broken API", SOON, () -> {
            Http.get(web, "/api/number");
            return Ops.circuit(web);
        }, "open"::equals);

        JsonObject circuit = Ops.status(web).getJsonObject("circuitBreaker");
        assertTrue(circuit.getJsonNumber("opened").longValue() >= 1);
        assertTrue(circuit.getJsonNumber("fallbacks").longValue() >= 1);
        assertTrue(page().contains("data-circuit=\"open\""));
        assertTrue(page().contains("○ OPEN"), "the state in words, not colour alone");
        String metrics = metrics();
        assertTrue(metrics.contains(gauge("numbers_ops_circuitbreaker_state", "state", "open") + " 1.0"), metrics);
        assertTrue(metrics.contains(gauge("numbers_ops_circuitbreaker_state", "state", "closed") + " 0.0"));
        assertTrue(metrics.contains("ft_circuitbreaker_opened_total{method=\"dev.numbers.web.number.control.RandomNumbers.next\""),
                "Fault Tolerance's own metrics are on /metrics");

        Http.get(web, "/api/number");
        assertTrue(Ops.status(web).getJsonObject("circuitBreaker").getJsonNumber("rejectedByCircuit").longValue() >= 1,
                "a call while open is refused without calling the API");
    }

    @Test
    @Order(4)
    void theCircuitClosesAgainOnceTheApiIsBackAndThePageFollows() {
        deployer.undeploy("api");
        deployer.deploy("api");

        Eventually.await("a number again after the circuit's delay", SOON.plusMillis(CIRCUIT_DELAY_MS),
                () -> Http.get(web, "/api/number").statusCode(), code -> code == 200);
        assertEquals("closed", Ops.circuit(web));
        assertTrue(page().contains("data-circuit=\"closed\""));
        assertTrue(metrics().contains(gauge("numbers_ops_circuitbreaker_state", "state", "closed") + " 1.0"));
        Eventually.await("the API seen UP again", SOON, () -> Ops.serviceStatus(web, "numbers-api"), "UP"::equals);
        deployer.undeploy("api");
    }
}
