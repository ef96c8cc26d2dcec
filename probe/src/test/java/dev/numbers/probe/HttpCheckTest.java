package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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

    @Test
    void aStatusLineWithMoreOrFewerThanThreeDigitsIsNotAStatus() throws Exception {
        for (String statusLine : new String[]{"HTTP/1.1 2000", "HTTP/1.1 20", "HTTP/1.1 020 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200x OK", "HTTP/1.1  200 OK", "HTTP/x 200 OK"}) {
            String url = servers.answers(statusLine + "\r\nContent-Length: 0\r\n\r\n", false);
            ProbeRun run = ProbeRun.of("-u", url);
            assertEquals(1, run.exit, statusLine + ": " + run);
            assertTrue(run.out.startsWith("DOWN " + url + " "), run.out);
            assertTrue(run.out.trim().endsWith("ms: malformed status line '" + statusLine + "'"), run.out);
            assertEquals(1, run.out.lines().count(), run.out);
        }
        // A status line with no reason phrase at all is still a status line.
        assertEquals(0, ProbeRun.of("-u", servers.answers("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", false)).exit);
        assertEquals(0, ProbeRun.of("-u", servers.answers("HTTP/1.0 204 \r\n\r\n", true)).exit, "a 204 has no body to wait for");
    }

    @Test
    void aCompleteChunkedAnswerWithTrailersOnAKeptOpenConnectionIsReadToItsEnd() throws Exception {
        String body = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"numbers-api\",\"status\":\"DOWN\"}]}";
        String chunked = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + ";ext=1\r\n" + body.substring(10) + "\r\n"
                + "0\r\nX-Checked: yes\r\nX-Other: 0\r\n\r\n";
        ProbeRun run = ProbeRun.of("-u", servers.answers(chunked, true), "-t", "3000");
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.out.trim().endsWith("ms: numbers-api DOWN"), "read to the end, not timed out: " + run.out);
        assertTrue(run.millis < 1500, run.toString());

        // Chunk data that itself ends in "0\r\n" is data, not the last chunk.
        String tricky = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab0\r\n\r\n" + "3\r\nxyz\r\n0\r\n\r\n";
        HttpCheck.Response response = HttpCheck.Response.read(
                new java.io.ByteArrayInputStream(tricky.getBytes(StandardCharsets.ISO_8859_1)), null, System.nanoTime() + 1_000_000_000L);
        assertEquals("ab0\r\nxyz", response.body());
    }

    @Test
    void c1ControlsAndLineSeparatorsNeverReachTheLine() throws Exception {
        String body = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"a\\u2028b\\u2029c\\u0085d\\u009be\\u000bf\",\"status\":\"DOWN\"}]}";
        ProbeRun run = ProbeRun.of("-u", servers.http(503, "application/json", body));
        assertEquals(1, run.exit, run.toString());
        assertTrue(run.out.trim().endsWith("ms: a b c d e f DOWN"), run.out);
        String redirect = servers.answers("HTTP/1.1 302 Found\r\nLocation: http://x/\u0085y\u009bz\r\nContent-Length: 0\r\n\r\n", false);
        run = ProbeRun.of("-u", redirect);
        assertTrue(run.out.trim().endsWith("redirect to http://x/ y z not followed"), run.out);
        assertEquals("a b c d e f g h", OneLine.printable("a\u0080b\u009fc\u2028d\u2029e\u0085f\u202eg\u200bh"));
        assertEquals("emoji \ud83d\ude00 stays", OneLine.printable("emoji \ud83d\ude00 stays"));
        assertEquals("lone  surrogate s", OneLine.printable("lone\ud83d surrogate\ude00s"));
    }
}
