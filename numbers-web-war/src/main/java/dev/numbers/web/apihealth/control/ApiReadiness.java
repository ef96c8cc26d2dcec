package dev.numbers.web.apihealth.control;

import dev.numbers.web.http.ExchangeFailure;
import dev.numbers.web.settings.BoundedNumber;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the numbers-api's {@code /health/ready} whether it can serve, within a hard time bound, and
 * reuses the answer for a short while so that dashboards polling the web's {@code /health} do not
 * multiply the load on the API. At most one question is in flight; callers meanwhile wait for it.
 */
@ApplicationScoped
public class ApiReadiness {

    public static final String TIMEOUT_KEY = "numbers.web.api-check.timeout-ms";
    public static final String CACHE_KEY = "numbers.web.api-check.cache-ms";

    @Inject
    @ConfigProperty(name = "numbers.api.url")
    String apiUrl;

    @Inject
    @ConfigProperty(name = TIMEOUT_KEY, defaultValue = "800")
    String timeoutText;

    @Inject
    @ConfigProperty(name = CACHE_KEY, defaultValue = "2000")
    String cacheText;

    private long timeoutMs;
    private long cacheMs;
    private HttpClient client;
    private volatile Verdict last;

    @PostConstruct
    void configure() {
        // The check answers within 1 s, so /health answers within 1.5 s even when the API hangs.
        timeoutMs = BoundedNumber.parse(TIMEOUT_KEY, timeoutText, 800, 50, 1000);
        // At least 100 ms: the API is then asked at most 10 times a second, whatever polls /health (0 made
        // every /health ask anew, one after the other). At most a minute: readiness must follow the API.
        cacheMs = BoundedNumber.parse(CACHE_KEY, cacheText, 2000, 100, 60_000);
        // HTTP/1.1: the default h2c upgrade costs every check of a plain-HTTP Liberty an extra round trip.
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(timeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Verdict current() {
        Verdict seen = last;
        if (fresh(seen)) {
            return seen;
        }
        synchronized (this) {
            // A caller that waited here for another's question takes that answer, fresh or not: it is
            // newer than the one this caller found stale. So /health waits for at most one question,
            // however many callers queue and whatever the cache's length.
            if (last == seen) {
                last = ask();
            }
            return last;
        }
    }

    private boolean fresh(Verdict verdict) {
        return verdict != null && Duration.between(verdict.at(), Instant.now()).toMillis() < cacheMs;
    }

    private Verdict ask() {
        String url = stripSlash(apiUrl) + "/health/ready";
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(timeoutMs)).GET().build();
        } catch (IllegalArgumentException e) {
            return new Verdict(false, url, 0, 0, "numbers.api.url is not a valid URL",
                    "numbers.api.url is not a valid URL: " + apiUrl, Instant.now());
        }
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(timeoutMs, TimeUnit.MILLISECONDS).statusCode();
            String words = status == 200 ? "ready" : "not ready";
            return new Verdict(status == 200, url, status, millisSince(start), words, words, Instant.now());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(url, start, ExchangeFailure.noAnswerWithin(timeoutMs), ExchangeFailure.noAnswerWithin(timeoutMs));
        } catch (ExecutionException e) {
            return failed(url, start, ExchangeFailure.reason(e.getCause(), timeoutMs), ExchangeFailure.describe(e.getCause(), timeoutMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(url, start, "interrupted", "interrupted");
        }
    }

    private static Verdict failed(String url, long start, String reason, String detail) {
        return new Verdict(false, url, 0, millisSince(start), reason, detail, Instant.now());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
