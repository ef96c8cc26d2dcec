package dev.numbers.it.web;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web's health poller against stand-in services it cannot trust: one that flaps on every read and
 * one that accepts connections and never answers, plus a typo in the list of targets. Every poll ends
 * within its bound, polls of one service never overlap, and the kept history stays bounded.
 */
@ExtendWith(ArquillianExtension.class)
class OpsPollerIT {

    private static final long INTERVAL_MS = 200;
    private static final long TIMEOUT_MS = 300;
    private static final int HISTORY = 5;

    private static final FlappingHealth FLAPPY = new FlappingHealth();
    private static final HungServer HUNG = new HungServer();

    @AfterAll
    static void stopStandIns() throws IOException {
        FLAPPY.close();
        HUNG.close();
    }

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-polling-stand-ins",
                "numbers.ops.targets=flappy=http://127.0.0.1:" + FLAPPY.port() + "/health, oops,"
                        + " hung=http://127.0.0.1:" + HUNG.port() + "/health",
                "numbers.ops.interval-ms=" + INTERVAL_MS,
                "numbers.ops.timeout-ms=" + TIMEOUT_MS,
                "numbers.ops.history-size=" + HISTORY);
    }

    @ArquillianResource
    URL web;

    private JsonObject status() {
        return Ops.status(web);
    }

    private static JsonObject service(JsonObject status, String name) {
        return Ops.service(status, name);
    }

    @Test
    void aHungServiceIsDownWithinThePollsTimeBound() {
        JsonObject hung = Eventually.await("the hung service polled", Duration.ofSeconds(10),
                () -> service(status(), "hung"), service -> service.containsKey("lastPoll"));

        assertEquals("DOWN", hung.getString("status"));
        JsonObject poll = hung.getJsonObject("lastPoll");
        assertEquals("no answer within " + TIMEOUT_MS + " ms", poll.getString("problem"));
        long latency = poll.getJsonNumber("latencyMs").longValue();
        assertTrue(latency >= TIMEOUT_MS - 10 && latency < TIMEOUT_MS + 250, "a poll of the hung service took " + latency + " ms");
    }

    @Test
    void pollsOfOneServiceNeverOverlap() {
        Eventually.await("several polls of the hung service", Duration.ofSeconds(15), HUNG::accepted, accepted -> accepted >= 4);
        Eventually.await("several reads of the flapping service", Duration.ofSeconds(15), FLAPPY::reads, reads -> reads >= 4);

        assertEquals(1, HUNG.mostOpenAtOnce(), "each poll's connection is closed before the next poll");
        assertEquals(1, FLAPPY.mostInFlight());
    }

    @Test
    void historyIsBoundedButEveryFlapIsCounted() {
        JsonObject flappy = Eventually.await("the flapping service changed more often than the history keeps", Duration.ofSeconds(15),
                () -> service(status(), "flappy"), service -> service.getJsonNumber("transitionCount").longValue() > 2L * HISTORY);

        assertEquals(HISTORY, flappy.getJsonArray("transitions").size());
        JsonObject coin = flappy.getJsonArray("checks").getJsonObject(0);
        assertEquals("coin", coin.getString("name"));
        assertEquals(HISTORY, coin.getJsonArray("transitions").size());
        assertTrue(coin.getJsonNumber("transitionCount").longValue() > HISTORY);
        List<Instant> times = flappy.getJsonArray("transitions").stream()
                .map(transition -> Instant.parse(transition.asJsonObject().getString("at"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }
        assertTrue(status().getJsonArray("timeline").size() <= HISTORY, "the timeline is bounded as well");
    }

    @Test
    void aWrongTargetIsLeftOutWithOneLineInTheLog() throws IOException {
        List<String> names = status().getJsonArray("services").stream().map(s -> s.asJsonObject().getString("name")).toList();

        assertEquals(List.of("flappy", "hung"), names);
        String log = Files.readString(Path.of(System.getProperty("numbers.web.log")));
        assertTrue(log.contains("numbers.ops.targets: left out 'oops': expected name=url"), "the web's log says which entry and why");
    }

    @Test
    void theGaugesOnMetricsFollowThePoller() {
        Eventually.await("the hung service's gauge at 0", Duration.ofSeconds(10), () -> Http.asMonitor(web, "/metrics").body(),
                metrics -> metrics.contains("numbers_ops_service_up{mp_scope=\"application\",service=\"hung\",} 0.0"));
    }
}
