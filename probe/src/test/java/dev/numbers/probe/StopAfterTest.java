package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --stop-after: a child process stands in for the container's main process; its stdout stands in for
 * the container's log.
 */
class StopAfterTest {

    private final TestServers servers = new TestServers();
    private String up;
    private String down;
    private Process main;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        up = servers.http(200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        down = servers.http(503, "application/json",
                "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"numbers-api\",\"status\":\"DOWN\",\"data\":{\"calls\":4,\"failAfter\":3}}]}");
        main = startMainProcess();
    }

    @AfterEach
    void stop() throws Exception {
        main.destroyForcibly();
        servers.close();
    }

    private static Process startMainProcess() throws IOException {
        return new ProcessBuilder("sleep", "60").redirectErrorStream(true).start();
    }

    private ProbeRun check(String url, Process target) {
        return ProbeRun.of("-u", url, "--stop-after", "2", "--stop-pid", String.valueOf(target.pid()),
                "--state", tmp.resolve("probe.state").toString());
    }

    @Test
    void failuresBeforeTheFirstPassedCheckNeverCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            ProbeRun run = check(down, main);
            assertEquals(1, run.exit);
            assertTrue(run.out.trim().endsWith("(not counted: no check has passed yet)"), run.out);
        }
        assertFalse(main.waitFor(500, TimeUnit.MILLISECONDS), "a process that never started well is left to its start period");
    }

    @Test
    void endsTheMainProcessAfterNFailuresInARowAndSaysWhyInItsLog() throws Exception {
        assertEquals(0, check(up, main).exit);
        assertTrue(check(down, main).out.trim().endsWith("(1 of 2 failed checks in a row)"));
        assertEquals(0, check(up, main).exit, "a pass resets the streak");
        assertTrue(check(down, main).out.trim().endsWith("(1 of 2 failed checks in a row)"));
        assertTrue(main.isAlive());

        ProbeRun last = check(down, main);
        assertEquals(1, last.exit);
        assertTrue(last.out.contains("(stopping process " + main.pid() + " after 2 failed health checks in a row,"), last.out);
        assertTrue(main.waitFor(5, TimeUnit.SECONDS), "ended gracefully");
        assertEquals(143, main.exitValue(), "SIGTERM: a non-zero exit, which an on-failure restart policy acts on");
        String containerLog = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(containerLog.startsWith("probe: stopping process " + main.pid() + " after 2 failed health checks in a row"), containerLog);
        assertTrue(containerLog.contains("last check: DOWN 503 " + down + " "), containerLog);
        assertTrue(containerLog.trim().endsWith("numbers-api DOWN {calls=4, failAfter=3}"), containerLog);
    }

    @Test
    void aNewMainProcessStartsCountingAfresh() throws Exception {
        assertEquals(0, check(up, main).exit);
        assertTrue(check(down, main).out.contains("1 of 2"));

        Process restarted = startMainProcess();
        try {
            ProbeRun run = check(down, restarted);
            assertTrue(run.out.trim().endsWith("(not counted: no check has passed yet)"), "the same state file, another process: " + run.out);
            assertTrue(restarted.isAlive());
        } finally {
            restarted.destroyForcibly();
        }
    }

    @Test
    void itBelongsToTheHealthCheckOnly() {
        ProbeRun run = ProbeRun.of("wait", "-u", up, "--stop-after", "3");
        assertEquals(2, run.exit);
        assertTrue(run.err.startsWith("probe: --stop-after belongs to the http command"), run.err);
    }

    @Test
    void theMessageIsAppendedToTheMainProcessLogNeverTruncatingIt() throws Exception {
        // PID 1's stdout may be a regular log file (docker run > file, a systemd unit, a bind mount).
        Path log = tmp.resolve("container.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append("server line ").append(i).append('\n');
        }
        Files.writeString(log, lines);
        FailureStreak streak = new FailureStreak(tmp.resolve("probe.state"), main.pid(), 1, FailureStreak.effectiveUid(), false, log);
        assertNull(streak.record(true, "UP 200 http://x/ 1 ms"));
        String said = streak.record(false, "DOWN 503 http://x/ 1 ms");
        assertTrue(said.startsWith("stopping process " + main.pid()), said);
        assertTrue(main.waitFor(5, TimeUnit.SECONDS));

        List<String> after = Files.readAllLines(log);
        assertEquals(21, after.size(), String.join("\n", after));
        assertEquals(lines.toString(), String.join("\n", after.subList(0, 20)) + "\n", "the 20 lines before are untouched");
        assertTrue(after.get(20).startsWith("probe: stopping process " + main.pid() + " after 1 failed health checks in a row"), after.get(20));
    }
}
