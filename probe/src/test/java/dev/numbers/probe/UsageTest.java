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
        assertEquals(500, Numbers.parseMillis("500", "-t", 1, Numbers.HOUR_MS));
        assertEquals(500, Numbers.parseMillis("500ms", "-t", 1, Numbers.HOUR_MS));
        assertEquals(3000, Numbers.parseMillis("3s", "-t", 1, Numbers.HOUR_MS));
        assertEquals(120_000, Numbers.parseMillis("2m", "-t", 1, Numbers.HOUR_MS));
    }

    @Test
    void pathsJoinWithExactlyOneSlash() {
        assertEquals("http://a:1/health/ready", Target.join("http://a:1", "/health/ready"));
        assertEquals("http://a:1/health/ready", Target.join("http://a:1/", "/health/ready"));
        assertEquals("http://a:1/health/ready", Target.join("http://a:1", "health/ready"));
        assertEquals("http://a:1", Target.join("http://a:1", null));
    }

    @Test
    void numbersOutOfRangeAreUsageErrorsThatNameTheRange() {
        // 4294967297 once became 1 (stopping the server after one failure), 2147483648 turned it off.
        refused("--stop-after must be from 0 to 1000000 (failed checks in a row), not '4294967297'", "--stop-after", "4294967297");
        refused("--stop-after must be from 0 to 1000000 (failed checks in a row), not '2147483648'", "--stop-after", "2147483648");
        refused("--stop-after must be from 0 to 1000000", "--stop-after=99999999999999999999");
        refused("--stop-pid must be from 1 to 4194304 (a process id), not '0'", "--stop-pid", "0");
        refused("--stop-pid must be from 1 to 4194304", "--stop-pid", "4294967297");
        refused("-t must be more than 0 and at most 1h (3600000 ms), not '3600001'", "-t", "3600001");
        refused("--timeout must be more than 0 and at most 1h", "--timeout", "61m");
        refused("--timeout must be more than 0 and at most 1h", "--timeout", "99999999999999999999999s");
        refused("--deadline must be at most 24h (86400000 ms), not '25h'", "wait", "--deadline", "25h");
        refused("--deadline must be at most 24h", "wait", "--deadline", "9223372036854775807");
        refused("--interval must be more than 0 and at most 1h", "wait", "--interval", "4294967296001");
        refused("--max-interval must be more than 0 and at most 1h", "wait", "--max-interval", "2m", "--max-interval", "2h");
        refused("--expect takes statuses such as 200, 200-299 or 2xx (each from 100 to 599), not '4294967496'", "--expect", "4294967496");
        refused("--expect takes statuses", "--expect", "200-4294967495");
        refused("malformed URL 'http://localhost:4294967376/': the port must be a number from 1 to 65535", "-u", "http://localhost:4294967376/");
        refused("malformed URL 'http://localhost:99999999999999999999/': the port must be a number from 1 to 65535", "-u", "http://localhost:99999999999999999999/");
        refused("--tcp localhost:65536: the port must be a number from 1 to 65535", "wait", "--tcp", "localhost:65536");
    }

    @Test
    void numbersInRangeAreTakenAsTheyAre() throws UsageException {
        assertEquals(1_000_000, Options.parse(new String[]{"--stop-after", "1000000"}).stopAfter);
        assertEquals(0, Options.parse(new String[]{"--stop-after", "0"}).stopAfter);
        assertEquals(4194304, Options.parse(new String[]{"--stop-pid", "4194304"}).stopPid);
        assertEquals(3_600_000, Options.parse(new String[]{"-t", "1h"}).timeoutMs);
        assertEquals(86_400_000, Options.parse(new String[]{"wait", "--deadline", "24h"}).deadlineMs);
        assertEquals(1, Options.parse(new String[]{"wait", "--interval", "1ms"}).intervalMs);
    }
}
