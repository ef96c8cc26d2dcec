package dev.numbers.web.apihealth.control;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness question to the API, against a stand-in for its Rest Client that answers "ready" after
 * 300 ms (the Rest Client itself runs in Liberty: ResilientNumbersIT, HungApiIT).
 */
class ApiReadinessTest {

    private static final long ANSWER_MS = 300;

    private final AtomicInteger asked = new AtomicInteger();

    private CompletableFuture<Integer> slowButReady() {
        asked.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(ANSWER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
    }

    private static ApiReadiness readiness(String cacheMs, Supplier<CompletableFuture<Integer>> api) {
        ApiReadiness readiness = new ApiReadiness() {
            @Override
            CompletableFuture<Integer> status() {
                return api == null ? super.status() : api.get();
            }
        };
        readiness.apiUrl = "http://127.0.0.1:9080/";
        readiness.timeoutText = "1000";
        readiness.cacheText = cacheMs;
        readiness.configure();
        return readiness;
    }

    @Test
    void aZeroCacheCannotLineEveryHealthRequestUpBehindOneQuestion() throws Exception {
        // With cache-ms=0 each /health waited for every question before its own: 8 at once took 8 x 300 ms.
        ApiReadiness readiness = readiness("0", this::slowButReady);
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
        ApiReadiness readiness = readiness("0", this::slowButReady);
        readiness.current();
        readiness.current();

        assertEquals(1, asked.get(), "the second question within the default 2 s is answered from the cache");
    }

    @Test
    void aBadUrlSaysSoWithoutRepeatingItInTheSafeReason() {
        ApiReadiness readiness = readiness("2000", null);
        readiness.apiUrl = "http://numbers api.internal:9080";
        readiness.start(null);
        Verdict verdict = readiness.current();

        assertEquals("numbers.api.url is not a valid URL", verdict.reason());
        assertEquals("numbers.api.url is not a valid URL: http://numbers api.internal:9080", verdict.detail());
    }

    @Test
    void aUrlWithoutHttpIsNotValidEither() {
        ApiReadiness readiness = readiness("2000", null);
        readiness.apiUrl = "localhost:9080";
        readiness.start(null);

        assertEquals("numbers.api.url is not a valid URL", readiness.current().reason());
    }

    @Test
    void aRefusedConnectionIsNamedInFixedWords() {
        // How Liberty's Rest Client reports it: a ProcessingException around the JDK's ConnectException.
        ApiReadiness readiness = readiness("2000",
                () -> CompletableFuture.failedFuture(new ProcessingException(new ConnectException("Connection refused"))));
        Verdict verdict = readiness.current();

        assertEquals("connection refused", verdict.reason());
        assertEquals(0, verdict.status());
    }

    @Test
    void aNotReadyApiGivesItsStatus() {
        Verdict verdict = readiness("2000", () -> CompletableFuture.completedFuture(503)).current();

        assertEquals("not ready", verdict.reason());
        assertEquals(503, verdict.status());
    }
}
