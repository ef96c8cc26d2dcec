package dev.numbers.probe;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency gate: waits for a late server, gives up at its deadline, and is one check at 0. */
class WaitTest {

    private final TestServers servers = new TestServers();

    @AfterEach
    void stopServers() throws Exception {
        servers.close();
    }

    @Test
    void succeedsWhenTheServerStartsLate() throws Exception {
        int port = TestServers.freePort();
        CompletableFuture<HttpServer> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(1200);
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                server.createContext("/", exchange -> {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ProbeRun run = ProbeRun.of("wait", "-u", "http://127.0.0.1:" + port + "/health/ready", "--deadline", "10s", "--interval", "200");
        late.get(5, TimeUnit.SECONDS).stop(0);

        assertEquals(0, run.exit, run.toString());
        String[] lines = run.out.split("\n");
        assertTrue(lines.length >= 2, "one line per attempt: " + run.out);
        assertTrue(lines[0].startsWith("wait: attempt 1, ") && lines[0].contains("connection refused") && lines[0].contains("-> again in"), lines[0]);
        assertTrue(lines[lines.length - 1].endsWith("-> all UP"), run.out);
    }

    @Test
    void failsAtItsDeadline() throws Exception {
        String down = servers.http(503, "text/plain", "not yet");
        ProbeRun run = ProbeRun.of("wait", "-u", down, "--deadline", "1500", "--interval", "100", "--max-interval", "400");
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.millis >= 1400 && run.millis < 3000, run.toString());
        assertTrue(run.out.trim().endsWith("-> giving up after 1500 ms"), run.out);
        assertTrue(run.out.lines().count() >= 3, "the interval grows from 100 ms: " + run.out);
    }

    @Test
    void theLastAttemptBeforeTheDeadlineStillGetsRealAnswers() throws Exception {
        try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeRun run = ProbeRun.of("wait", "-u", "http://127.0.0.1:" + TestServers.freePort() + "/health",
                    "--tcp", "127.0.0.1:" + database.getLocalPort(), "--deadline", "1s");
            assertEquals(1, run.exit, run.toString());
            assertTrue(run.millis <= 1300, run.toString());
            for (String line : run.out.split("\n")) {
                assertTrue(line.contains("connection refused; UP tcp://127.0.0.1:" + database.getLocalPort()), "no attempt is starved into a timeout: " + line);
            }
            assertTrue(run.out.trim().endsWith("-> giving up after 1000 ms"), run.out);
        }
    }

    @Test
    void aDeadlineOfZeroIsTheBooksSingleCheck() throws Exception {
        ProbeRun down = ProbeRun.of("wait", "-u", servers.http(500, "text/plain", "no"), "--deadline", "0");
        assertEquals(1, down.exit);
        assertEquals(1, down.out.lines().count(), down.out);
        assertEquals(0, ProbeRun.of("wait", "-u", servers.http(200, "text/plain", "ok"), "--deadline", "0").exit);
    }

    @Test
    void waitsForTcpPortsAndHttpTogether() throws Exception {
        try (ServerSocket database = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String api = servers.http(200, "text/plain", "ok");
            ProbeRun both = ProbeRun.of("wait", "-u", api, "--tcp", "127.0.0.1:" + database.getLocalPort(), "--deadline", "0");
            assertEquals(0, both.exit, both.toString());
            assertTrue(both.out.contains("UP tcp://127.0.0.1:" + database.getLocalPort()), both.out);
        }
        ProbeRun closed = ProbeRun.of("wait", "--tcp", "127.0.0.1:" + TestServers.freePort(), "--deadline", "0");
        assertEquals(1, closed.exit);
        assertTrue(closed.out.contains("connection refused"), closed.out);
    }
}
