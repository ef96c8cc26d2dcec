package dev.numbers.it.web;

import dev.numbers.it.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poller's life with its application: it starts with an empty list of targets without failing the
 * deployment, and it stops when the application stops, a poll in flight included, without a word in the
 * log from beans or classes that are gone (a CI log once showed WELD-000229 and a ClassFormatError there).
 * The webs are deployed one after the other: each serves at the root.
 */
@ExtendWith(ArquillianExtension.class)
class OpsPollerLifecycleIT {

    private static final FlappingHealth COUNTED = new FlappingHealth();
    private static final HungServer HUNG = new HungServer();

    @AfterAll
    static void stopStandIns() throws IOException {
        COUNTED.close();
        HUNG.close();
    }

    @Deployment(name = "web-no-targets", managed = false, testable = false)
    @TargetsContainer("web")
    static WebArchive noTargets() {
        // The last line wins: the same as NUMBERS_OPS_TARGETS="", which MicroProfile Config reads as missing.
        return WebArchives.web("web-no-targets", "numbers.ops.targets=");
    }

    @Deployment(name = "web-stopping", managed = false, testable = false)
    @TargetsContainer("web")
    static WebArchive stopping() {
        return WebArchives.web("web-stopping",
                "numbers.ops.targets=counted=http://127.0.0.1:" + COUNTED.port() + "/health,hung=http://127.0.0.1:" + HUNG.port() + "/health",
                "numbers.ops.interval-ms=100",
                "numbers.ops.timeout-ms=5000");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void anEmptyListOfTargetsIsAnEmptyViewNotAFailedDeployment() throws Exception {
        deployer.deploy("web-no-targets");
        try {
            URL web = new URL(WebArchives.WEB_URL);
            assertEquals(200, Http.get(web, "/health/live").statusCode());
            JsonObject status = Ops.status(web);
            assertEquals(0, status.getJsonArray("services").size(), status.toString());
        } finally {
            deployer.undeploy("web-no-targets");
        }
    }

    @Test
    void pollingStopsWhenTheApplicationStopsAndAPollInFlightGivesUpQuietly() throws Exception {
        Path log = Path.of(System.getProperty("numbers.web.log"));
        deployer.deploy("web-stopping");
        long logBefore;
        int reads;
        try {
            Eventually.await("several polls of the counted service", Duration.ofSeconds(15), COUNTED::reads, n -> n >= 5);
            Eventually.await("a poll of the hung service in flight", Duration.ofSeconds(15), HUNG::accepted, n -> n >= 1);
        } finally {
            logBefore = Files.size(log);
            deployer.undeploy("web-stopping");
            reads = COUNTED.reads();
        }
        int hung = HUNG.accepted();

        Thread.sleep(2000);

        assertTrue(COUNTED.reads() <= reads + 1, "polls went on after the stop: " + reads + " then " + COUNTED.reads());
        assertEquals(hung, HUNG.accepted(), "no new poll of the hung service after the stop");
        String after = Files.readString(log).substring((int) logBefore);
        for (String sign : new String[] {"WELD-000229", "ClassFormatError", "ops: polling", "ops: recording"}) {
            assertFalse(after.contains(sign), "the log after the stop has '" + sign + "':\n" + after);
        }
    }
}
