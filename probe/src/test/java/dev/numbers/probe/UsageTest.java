package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: exit 2 and one clear line on stderr, never a stack trace. */
class UsageTest {

    private static void refused(String expectedStart, String... args) {
        ProbeRun run = ProbeRun.of(args);
        assertEquals(2, run.exit, run.toString());
        assertEquals("", run.out);
        assertTrue(run.err.startsWith("probe: " + expectedStart), run.err);
        assertEquals(1, run.err.lines().count(), "one line: " + run.err);
    }

    @Test
    void malformedUrls() {
        refused("malformed URL 'localhost:9080/health': it must start with http:// or https://", "-u", "localhost:9080/health");
        refused("malformed URL 'http://:9080/'", "-u", "http://:9080/");
        refused("malformed URL 'http://localhost:99999/'", "-u", "http://localhost:99999/");
        refused("malformed URL 'http://localhost:80a/'", "-u", "http://localhost:80a/");
        refused("malformed URL 'http://local host/'", "-u", "http://local host/");
    }

    @Test
    void unknownOptionsAndCommands() {
        refused("unknown option '--frobnicate'", "--frobnicate");
        refused("unknown command 'check'", "check", "-u", "http://localhost/");
        refused("-u needs a value", "-u");
        refused("--tcp belongs to the wait command", "--tcp", "localhost:1");
        refused("give either --url or --config-key, not both", "-u", "http://localhost/", "-c", "numbers.api.url");
    }

    @Test
    void badNumbers() {
        refused("--timeout takes a duration", "--timeout", "soon");
        refused("-t must be more than 0", "-t", "0");
        refused("--expect takes statuses", "--expect", "OK");
        refused("--expect takes statuses", "--expect", "700");
        refused("--deadline takes a duration", "wait", "--deadline", "-1");
        refused("--tcp takes host:port", "wait", "--tcp", "localhost");
    }

    @Test
    void helpIsNotAnError() {
        ProbeRun run = ProbeRun.of("--help");
        assertEquals(0, run.exit);
        assertTrue(run.out.startsWith("usage: java [@jvm.options] -jar probe.jar"), run.out);
        assertEquals(0, ProbeRun.of("help").exit);
    }

    @Test
    void durationsTakeUnits() throws UsageException {
        assertEquals(500, Numbers.parseMillis("500", "-t"));
        assertEquals(500, Numbers.parseMillis("500ms", "-t"));
        assertEquals(3000, Numbers.parseMillis("3s", "-t"));
        assertEquals(120_000, Numbers.parseMillis("2m", "-t"));
    }

    @Test
    void pathsJoinWithExactlyOneSlash() {
        assertEquals("http://a:1/health/ready", Target.join("http://a:1", "/health/ready"));
        assertEquals("http://a:1/health/ready", Target.join("http://a:1/", "/health/ready"));
        assertEquals("http://a:1/health/ready", Target.join("http://a:1", "health/ready"));
        assertEquals("http://a:1", Target.join("http://a:1", null));
    }
}
