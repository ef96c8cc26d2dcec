package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The http command against real servers on loopback, one scenario each. */
class HttpCheckTest {

    private final TestServers servers = new TestServers();

    @AfterEach
    void stopServers() throws Exception {
        servers.close();
    }

    @Test
    void a200IsHealthy() throws Exception {
        String url = servers.http(200, "text/plain", "42");
        ProbeRun run = ProbeRun.of("-u", url + "/rng");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.startsWith("UP 200 " + url + "/rng "), run.out);
        assertTrue(run.out.trim().endsWith(" ms"), run.out);
        assertEquals("", run.err);
    }

    @Test
    void a500IsUnhealthy() throws Exception {
        ProbeRun run = ProbeRun.of("http", "-u", servers.http(500, "text/plain", "RNG broken"));
        assertEquals(1, run.exit);
        assertTrue(run.out.startsWith("DOWN 500 "), run.out);
    }

    @Test
    void a503WithHealthJsonNamesEveryDownCheckAndItsData() throws Exception {
        String body = """
                {"status":"DOWN","checks":[
                  {"name":"heap-memory","status":"UP","data":{"usedShare":"0.016"}},
                  {"name":"numbers-api","status":"DOWN","data":{"calls":4,"failAfter":3}},
                  {"name":"numbers-api-rng","status":"DOWN","data":{"initialised":true,"serving":false}}]}""";
        String url = servers.http(503, "application/json", body) + "/health/live";
        ProbeRun run = ProbeRun.of("-u", url);
        assertEquals(1, run.exit);
        assertTrue(run.out.startsWith("DOWN 503 " + url + " "), run.out);
        assertTrue(run.out.trim().endsWith("ms: numbers-api DOWN {calls=4, failAfter=3}; numbers-api-rng DOWN {initialised=true, serving=false}"), run.out);
        assertFalse(run.out.contains("heap-memory"), "UP checks are left out: " + run.out);
    }

    @Test
    void healthJsonThatIsUpNeedsNoDetails() throws Exception {
        ProbeRun run = ProbeRun.of("-u", servers.http(200, "application/json", "{\"status\":\"UP\",\"checks\":[]}"));
        assertEquals(0, run.exit);
        assertFalse(run.out.contains(": "), "nothing to add when all is UP: " + run.out);
    }

    @Test
    void aRedirectIsNotFollowedAndUnhealthyUnlessExpected() throws Exception {
        String url = servers.http(302, "text/plain", "", "Location", "http://elsewhere.invalid/");
        ProbeRun run = ProbeRun.of("-u", url);
        assertEquals(1, run.exit);
        assertTrue(run.out.contains("redirect to http://elsewhere.invalid/ not followed"), run.out);
        assertEquals(0, ProbeRun.of("-u", url, "--expect", "302").exit);
        assertEquals(0, ProbeRun.of("-u", url, "--expect", "200-399").exit);
        assertEquals(0, ProbeRun.of("-u", url, "--expect=2xx,3xx").exit);
    }

    @Test
    void anExpectedErrorStatusIsHealthy() throws Exception {
        assertEquals(0, ProbeRun.of("-u", servers.http(503, "text/plain", "down"), "--expect", "200,503").exit);
    }

    @Test
    void aHugeBodyIsReadOnlyUpTo64KiB() throws Exception {
        String url = servers.http(200, "text/plain", "x".repeat(20 * 1024 * 1024));
        ProbeRun run = ProbeRun.of("-u", url, "-t", "5000");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.millis < 3000, "stopped reading early: " + run);
    }

    @Test
    void anEndlessBodyStopsBeingReadAt64KiBAndTheAnswerCountsAtOnce() throws Exception {
        // No Content-Length and no end: only the 64 KiB cap lets the probe decide before its timeout.
        ProbeRun run = ProbeRun.of("-u", servers.endless(), "-t", "5000");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.startsWith("UP 200 "), run.out);
        assertTrue(run.millis < 2000, "decided without waiting for the end of the body: " + run);
    }

    @Test
    void aGarbledHealthBodyIsReportedByItsStatusAlone() throws Exception {
        String url = servers.http(503, "application/json", "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"numbers-api\",\"sta");
        ProbeRun run = ProbeRun.of("-u", url);
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.out.matches("DOWN 503 \\Q" + url + "\\E \\d+ ms\n"), run.out);
        assertEquals("", run.err);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnhealthy() throws Exception {
        ProbeRun run = ProbeRun.of("-u", servers.slow(3000), "-t", "300");
        assertEquals(1, run.exit);
        assertTrue(run.out.contains(": timeout"), run.out);
        assertTrue(run.millis < 1000, run.toString());
    }

    @Test
    void aServerThatNeverAnswersCannotHoldItPastTheTimeout() throws Exception {
        ProbeRun run = ProbeRun.of("-u", servers.silent(), "--timeout", "500ms");
        assertEquals(1, run.exit);
        assertTrue(run.out.contains(": timeout"), run.out);
        assertTrue(run.millis >= 450 && run.millis < 1200, run.toString());
    }

    @Test
    void aTricklingServerCannotStretchTheTimeout() throws Exception {
        ProbeRun run = ProbeRun.of("-u", servers.trickling(), "-t", "1500");
        assertEquals(1, run.exit);
        assertTrue(run.out.contains(": timeout"), run.out);
        assertTrue(run.millis < 2200, "one deadline for the whole exchange, not per read: " + run);
    }

    @Test
    void aTricklingTlsHandshakeCannotStretchTheTimeoutEither() throws Exception {
        ProbeRun run = ProbeRun.of("-u", servers.tlsTrickling() + "/health", "-t", "1500");
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.out.contains(": timeout"), run.out);
        assertTrue(run.millis < 2500, "the TLS layer's own reads are bounded by the same deadline: " + run);
    }

    @Test
    void aRefusedConnectionIsUnhealthy() throws Exception {
        ProbeRun run = ProbeRun.of("-u", "http://127.0.0.1:" + TestServers.freePort() + "/health");
        assertEquals(1, run.exit);
        assertTrue(run.out.endsWith("ms: connection refused\n"), run.out);
    }

    @Test
    void aHostNameIsLookedUpAndAnIpLiteralIsNot() throws Exception {
        String url = servers.http(200, "text/plain", "ok").replace("127.0.0.1", "localhost");
        ProbeRun run = ProbeRun.of("-u", url);
        assertEquals(0, run.exit, run.toString());
        assertTrue(HostLookup.isLiteral("127.0.0.1") && HostLookup.isLiteral("::1"));
        assertFalse(HostLookup.isLiteral("localhost") || HostLookup.isLiteral("numbers-api") || HostLookup.isLiteral("1.2.3"));
    }

    @Test
    void anUnknownHostIsUnhealthy() {
        ProbeRun run = ProbeRun.of("-u", "http://numbers-api.invalid:9080/health");
        assertEquals(1, run.exit);
        assertTrue(run.out.contains("unknown host numbers-api.invalid"), run.out);
    }

    @Test
    void aTlsFailureIsUnhealthy() throws Exception {
        // A server that answers a TLS hello in plain HTTP: the handshake fails at once. The timeout is
        // generous because the first TLS client of a JVM takes seconds to set up on a busy 2-core machine
        // (a CI run saw 2.7 s): this test is about the kind of failure, not its speed.
        ProbeRun run = ProbeRun.of("-t", "15000", "-u", servers.plainAnswerToAnything().replace("http://", "https://") + "/health");
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.out.contains(": TLS failure: "), run.out);
    }
}
