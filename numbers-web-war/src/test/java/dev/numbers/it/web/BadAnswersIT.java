package dev.numbers.it.web;

import com.sun.net.httpserver.HttpServer;
import dev.numbers.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stand-in API that answers 200 with things that are not numbers: the web falls back and logs why. */
@ExtendWith(ArquillianExtension.class)
class BadAnswersIT {

    private static final AtomicReference<byte[]> ANSWER = new AtomicReference<>("42".getBytes(StandardCharsets.UTF_8));
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final HttpServer STAND_IN = startStandIn();

    private static HttpServer startStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/rng", exchange -> {
                CALLS.incrementAndGet();
                byte[] body = ANSWER.get();
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException clientGaveUp) {
                    // the web stops reading a huge answer early, as it should
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.stop(0);
    }

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-before-bad-api",
                "numbers.api.url=http://127.0.0.1:" + STAND_IN.getAddress().getPort(),
                // Four bad answers in a row would open the circuit; this scenario is about each answer.
                WebArchives.FT + "CircuitBreaker/requestVolumeThreshold=50");
    }

    @ArquillianResource
    URL web;

    private HttpResponse<String> numberWhenTheApiSays(byte[] answer) {
        ANSWER.set(answer);
        return Http.get(web, "/api/number");
    }

    private static String messagesLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("numbers.web.log")));
    }

    @Test
    void aNumberIsANumber() {
        HttpResponse<String> json = numberWhenTheApiSays("42".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, json.statusCode());
        assertEquals(42, Http.json(json).getInt("number"));
    }

    @Test
    void textThatIsNotANumberGivesTheFallbackAndAWarning() throws IOException {
        HttpResponse<String> json = numberWhenTheApiSays("forty-two".getBytes(StandardCharsets.UTF_8));
        assertEquals(503, json.statusCode());
        assertTrue(messagesLog().contains("numbers-api gave a bad answer: not a number: 'forty-two'"));
    }

    @Test
    void anEmptyAnswerGivesTheFallback() throws IOException {
        assertEquals(503, numberWhenTheApiSays(new byte[0]).statusCode());
        assertTrue(messagesLog().contains("numbers-api gave a bad answer: empty answer"));
    }

    @Test
    void aNumberOutOfRangeGivesTheFallback() {
        assertEquals(503, numberWhenTheApiSays("100".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void aHugeAnswerGivesTheFallbackAndIsNotReadWhole() throws IOException {
        int callsBefore = CALLS.get();
        HttpResponse<String> page = null;
        ANSWER.set(new byte[8 * 1024 * 1024]);
        page = Http.send(web, "/", "POST");
        assertEquals(200, page.statusCode(), "never a 500 page");
        assertTrue(page.body().contains("RNG service unavailable!"));
        assertFalse(page.body().contains("Exception"));
        assertEquals(callsBefore + 1, CALLS.get(), "a bad answer is not retried");
        assertTrue(messagesLog().contains("numbers-api gave a bad answer: answer longer than 64 bytes"));
    }
}
