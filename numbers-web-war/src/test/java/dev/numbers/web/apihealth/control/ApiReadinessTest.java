package dev.numbers.web.apihealth.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness question to the API, against a loopback stand-in that answers "ready" after 300 ms. */
class ApiReadinessTest {

    private static final long ANSWER_MS = 300;

    private final AtomicInteger asked = new AtomicInteger();
    private HttpServer api;

    @BeforeEach
    void slowButReadyApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.setExecutor(Executors.newCachedThreadPool());
        api.createContext("/health/ready", exchange -> {
            asked.incrementAndGet();
            try {
                Thread.sleep(ANSWER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private ApiReadiness readiness(String cacheMs) {
        ApiReadiness readiness = new ApiReadiness();
        readiness.apiUrl = "http://127.0.0.1:" + api.getAddress().getPort() + "/";
        readiness.timeoutText = "1000";
        readiness.cacheText = cacheMs;
        readiness.configure();
        return readiness;
    }

    @Test
    void aZeroCacheCannotLineEveryHealthRequestUpBehindOneQuestion() throws Exception {
        // With cache-ms=0 each /health waited for every question before its own: 8 at once took 8 x 300 ms.
        ApiReadiness readiness = readiness("0");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            long start = System.nanoTime();
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                verdicts.add(callers.submit(readiness::current));
            }
            for (Future<Verdict> verdict : verdicts) {
                assertTrue(verdict.get(5, TimeUnit.SECONDS).up());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(1, asked.get(), "one question answers everyone who waited for it");
            assertTrue(millis < 2 * ANSWER_MS, "8 callers took " + millis + " ms");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anOutOfRangeCacheKeepsTheDefault() {
        ApiReadiness readiness = readiness("0");
        readiness.current();
        readiness.current();

        assertEquals(1, asked.get(), "the second question within the default 2 s is answered from the cache");
    }

    @Test
    void aBadUrlSaysSoWithoutRepeatingItInTheSafeReason() {
        ApiReadiness readiness = readiness("2000");
        readiness.apiUrl = "http://numbers api.internal:9080";
        Verdict verdict = readiness.current();

        assertEquals("numbers.api.url is not a valid URL", verdict.reason());
        assertEquals("numbers.api.url is not a valid URL: http://numbers api.internal:9080", verdict.detail());
    }

    @Test
    void aRefusedConnectionIsNamedInFixedWords() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ApiReadiness readiness = readiness("2000");
        readiness.apiUrl = "http://127.0.0.1:" + port;
        Verdict verdict = readiness.current();

        assertEquals("connection refused", verdict.reason());
        assertEquals(0, verdict.status());
    }
}
