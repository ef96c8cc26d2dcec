package dev.numbers.it.web;

import dev.numbers.it.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web's promises with many users at once, not one request at a time: a healthy API gives every user
 * a number; the limit on users waiting for the API turns some away at once but never opens the circuit
 * (it did, and 97 % of the users of a healthy API were told it was down); and when the API breaks in the
 * middle of the load, every user gets a number or the planned 503 within the bound the Fault Tolerance
 * settings promise, the web stays live, and numbers come back within the circuit's delay plus 3 s.
 */
@ExtendWith(ArquillianExtension.class)
class ManyUsersIT {

    /**
     * The slowest answer the settings allow: a hung API is given up after the client's read timeout
     * (1000 ms, never retried); an unreachable one after three connect attempts of at most 500 ms with
     * two pauses of at most 150 ms (1800 ms); @Timeout caps any one attempt at 1500 ms. 200 ms for a
     * busy 2-core machine.
     */
    private static final long BOUND_MS = 2000;
    private static final long CIRCUIT_DELAY_MS = 5000;
    private static final String WAIT_LIMIT = "dev.numbers.web.number.control.ApiWaitLimit/next/Bulkhead/value";

    @Deployment(name = "api", managed = false, testable = false)
    @TargetsContainer("api")
    static WebArchive api() {
        return WebArchives.api("api-for-many", "numbers.api.fail-after=0");
    }

    @Deployment(name = "web", managed = false, testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-for-many", "numbers.api.url=" + WebArchives.API_URL);
    }

    @Deployment(name = "web-small-limit", managed = false, testable = false)
    @TargetsContainer("web")
    static WebArchive webWithASmallWaitLimit() {
        return WebArchives.web("web-small-limit", "numbers.api.url=" + WebArchives.API_URL, WAIT_LIMIT + "=2");
    }

    @ArquillianResource
    Deployer deployer;

    private final List<String> deployed = new ArrayList<>();

    /** Deploys an archive; a web is asked for a few numbers first, so the load meets a warm server. */
    private URL deploy(String name) throws Exception {
        deployer.deploy(name);
        deployed.add(name);
        URL web = new URL(WebArchives.WEB_URL);
        if (name.startsWith("web")) {
            for (int i = 0; i < 20; i++) {
                Http.get(web, "/api/number");
            }
        }
        return web;
    }

    @AfterEach
    void undeployAll() {
        for (int i = deployed.size() - 1; i >= 0; i--) {
            deployer.undeploy(deployed.get(i));
        }
        deployed.clear();
    }

    @Test
    void everyUserOfAHealthyApiGetsANumber() throws Exception {
        deploy("api");
        URL web = deploy("web");

        List<Users.Answer> answers;
        try (Users users = Users.start(64, web, "/api/number", 30)) {
            Thread.sleep(4000);
            answers = users.stop();
        }

        assertTrue(answers.size() > 64, "the users got " + answers.size() + " answers");
        List<Users.Answer> other = answers.stream().filter(a -> !a.isNumber()).toList();
        assertTrue(other.isEmpty(), other.size() + " of " + answers.size() + " users got no number, first: " + other.stream().findFirst());
        assertEquals(0, circuit(web).getInt("opened"), "the circuit never opened");
    }

    @Test
    void usersTurnedAwayByTheWaitLimitNeverOpenTheCircuit() throws Exception {
        deploy("api");
        URL web = deploy("web-small-limit");

        List<Users.Answer> answers;
        try (Users users = Users.start(32, web, "/api/number", 30)) {
            Thread.sleep(3000);
            answers = users.stop();
        }

        long numbers = answers.stream().filter(Users.Answer::isNumber).count();
        long unavailable = answers.stream().filter(Users.Answer::isPlannedUnavailable).count();
        assertEquals(answers.size(), numbers + unavailable, "only numbers and the planned 503: " + answers.stream().filter(a -> !a.isNumber() && !a.isPlannedUnavailable()).findFirst());
        JsonObject circuit = circuit(web);
        assertTrue(circuit.getJsonNumber("rejectedByBulkhead").longValue() > 0, "32 users against a limit of 2: some were turned away " + circuit);
        assertEquals(unavailable, circuit.getJsonNumber("rejectedByBulkhead").longValue(), "every 503 was a user turned away, none a failure " + circuit);
        assertEquals(0, circuit.getInt("opened"), "turning users away says nothing about the API: " + circuit);
        assertTrue(numbers > 0, "the users who were let in got numbers");
    }

    @Test
    void theApiBreaksInTheMiddleOfTheLoadAndComesBack() throws Exception {
        deploy("api");
        URL web = deploy("web");
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        List<Integer> liveness = Collections.synchronizedList(new ArrayList<>());
        sampler.scheduleWithFixedDelay(() -> liveness.add(Http.get(web, "/health/live").statusCode()), 0, 200, TimeUnit.MILLISECONDS);

        List<Users.Answer> answers;
        long faultStart;
        long apiBack;
        try (Users users = Users.start(32, web, "/api/number", 60)) {
            Thread.sleep(2000);
            faultStart = users.elapsedMillis();
            deployer.undeploy("api");
            deployed.remove("api");
            Thread.sleep(4000);
            deploy("api");
            apiBack = users.elapsedMillis();
            Thread.sleep(CIRCUIT_DELAY_MS + 4000);
            answers = users.stop();
        } finally {
            sampler.shutdownNow();
        }

        List<Users.Answer> unplanned = answers.stream().filter(a -> !a.isNumber() && !a.isPlannedUnavailable()).toList();
        assertTrue(unplanned.isEmpty(), unplanned.size() + " answers were neither a number nor the planned 503, first: " + unplanned.stream().findFirst());
        List<Users.Answer> tooSlow = answers.stream().filter(a -> a.tookMillis() > BOUND_MS).toList();
        assertTrue(tooSlow.isEmpty(), tooSlow.size() + " answers took longer than " + BOUND_MS + " ms (the API went at "
                + faultStart + " ms and was back at " + apiBack + " ms): " + tooSlow.stream().limit(5).toList());
        assertTrue(answers.stream().anyMatch(a -> a.startedMillis() > faultStart && a.isPlannedUnavailable()), "the fault was seen");
        long firstNumberAfter = answers.stream().filter(a -> a.startedMillis() >= apiBack && a.isNumber())
                .mapToLong(a -> a.startedMillis() + a.tookMillis()).min().orElse(Long.MAX_VALUE);
        assertTrue(firstNumberAfter - apiBack <= CIRCUIT_DELAY_MS + 3000,
                "numbers came back " + (firstNumberAfter - apiBack) + " ms after the API, the promise is the circuit's delay + 3 s");
        assertTrue(liveness.size() > 20 && liveness.stream().allMatch(s -> s == 200), "the web's liveness stayed 200: " + liveness);
    }

    private static JsonObject circuit(URL web) {
        return Ops.status(web).getJsonObject("circuitBreaker");
    }
}
