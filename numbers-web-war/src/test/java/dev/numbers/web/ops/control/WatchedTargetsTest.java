package dev.numbers.web.ops.control;

import dev.numbers.web.ops.entity.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchedTargetsTest {

    @Test
    void namesAndUrlsInTheOrderGiven() {
        List<Target> targets = WatchedTargets.parse(" numbers-web=http://localhost:9080/health/live , numbers-api=http://numbers-api:9080/health");

        assertEquals(List.of("numbers-web", "numbers-api"), targets.stream().map(Target::name).toList());
        assertEquals("http://numbers-api:9080/health", targets.get(1).url().toString());
    }

    @Test
    void aWrongEntryIsLeftOutAndTheOthersAreStillWatched() {
        List<Target> targets = WatchedTargets.parse(String.join(",",
                "no-equals-sign",
                "bad name=http://localhost/health",
                "ftp=ftp://localhost/health",
                "hostless=http:///health",
                "garbage=http://local host/health",
                "good=https://example.test/health",
                "good=http://localhost/again"));

        assertEquals(List.of(new Target("good", java.net.URI.create("https://example.test/health"))), targets);
    }

    @Test
    void nothingToWatchIsAnEmptyListNotAnError() {
        assertTrue(WatchedTargets.parse(" , ").isEmpty());
    }
}
