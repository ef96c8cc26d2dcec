package dev.numbers.peer.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web against a stub API on loopback. The bulkhead is made small (2) so that the test can fill it;
 * every other setting is application.yml's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resilience4j.bulkhead.instances.numbersApi.maxConcurrentCalls=2")
class NumbersWebPeerTest {

    private static final HttpServer API = stubApi();
    private static volatile String answer = "42";
    private static volatile int status = 200;
    private static volatile long delayMs;
    private static final AtomicInteger RNG_CALLS = new AtomicInteger();

    @Autowired
    TestRestTemplate http;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("numbers.api.url", () -> "http://127.0.0.1:" + API.getAddress().getPort());
    }

    @AfterAll
    static void stopApi() {
        API.stop(0);
    }

    @BeforeEach
    void healthyApi() {
        answer = "42";
        status = 200;
        delayMs = 0;
        RNG_CALLS.set(0);
        circuit().reset();
    }

    @Test
    void aNumberAsJsonAndOnThePage() {
        ResponseEntity<String> json = http.getForEntity("/api/number", String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(json.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(json.getBody()).isEqualTo("{\"number\":42}");

        ResponseEntity<String> page = http.postForEntity("/", null, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Here it is: 42");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    @Test
    void aBrokenApiGivesTheFallbackWithoutRetries() {
        status = 500;
        answer = "RNG broken";
        ResponseEntity<String> json = http.getForEntity("/api/number", String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json.getBody()).isEqualTo("{\"error\":\"RNG service unavailable\"}");
        assertThat(RNG_CALLS.get()).isEqualTo(1);

        ResponseEntity<String> page = http.postForEntity("/", null, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("RNG service unavailable!");
    }

    @Test
    void aBadAnswerGivesTheFallback() {
        answer = "x".repeat(10_000);
        assertThat(http.getForEntity("/api/number", String.class).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aFullBulkheadAnswers503AndLeavesTheCircuitAlone() throws Exception {
        delayMs = 300;
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<HttpStatus> statuses = new ArrayList<>();
        try {
            List<Callable<HttpStatus>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> HttpStatus.valueOf(http.getForEntity("/api/number", String.class).getStatusCode().value()));
            }
            for (Future<HttpStatus> call : clients.invokeAll(calls)) {
                statuses.add(call.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses).containsOnly(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(statuses).contains(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(circuit().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuit().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void healthOnLibertysPathsAndSpringsOwn() {
        for (String path : new String[] {"/health/live", "/health/ready", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> health = http.getForEntity(path, String.class);
            assertThat(health.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForEntity("/health/ready", String.class).getBody()).contains("\"apiReachable\":{\"status\":\"UP\"");
        assertThat(http.getForEntity("/health/live", String.class).getBody()).doesNotContain("apiReachable");
    }

    private CircuitBreaker circuit() {
        return circuitBreakers.circuitBreaker("numbersApi");
    }

    private static HttpServer stubApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/rng", exchange -> {
                RNG_CALLS.incrementAndGet();
                sleep(delayMs);
                reply(exchange, status, answer);
            });
            server.createContext("/health/ready", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
