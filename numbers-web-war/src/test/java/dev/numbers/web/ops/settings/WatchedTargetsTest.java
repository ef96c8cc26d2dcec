package dev.numbers.web.ops.settings;

import dev.numbers.web.ops.entity.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aHostNameWithAnUnderscoreIsRefusedWithTheRealReason() {
        // java.net.URI takes such a host for a registry-based authority: getHost() is null, and the old
        // message, "expected an http:// or https:// URL with a host", sent operators looking elsewhere.
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(WatchedTargets.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            assertTrue(WatchedTargets.parse("api=http://numbers_api:9080/health").isEmpty());
        } finally {
            log.removeHandler(handler);
        }

        assertEquals(2, warnings.size(), warnings.toString());
        String why = warnings.get(0);
        assertTrue(why.startsWith("numbers.ops.targets: left out 'api=http://numbers_api:9080/health': "), why);
        assertTrue(why.contains("'numbers_api'") && why.contains("'_'"), why);
        assertFalse(why.contains("expected an http:// or https:// URL with a host"), why);
    }
}
