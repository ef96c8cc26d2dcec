package dev.numbers.web.apihealth.control;

import dev.numbers.web.http.ExchangeFailure;
import dev.numbers.settings.Lenient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
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
 * <p>
 * The settings stay lenient ({@link Lenient}): a typo in how the check is tuned must not keep the
 * web's page from deploying.
 */
@ApplicationScoped
public class ApiReadiness {

    public static final String TIMEOUT_KEY = "numbers.web.api-check.timeout-ms";
    public static final String CACHE_KEY = "numbers.web.api-check.cache-ms";
    private static final String BAD_URL = "numbers.api.url is not a valid URL";

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
    /** Null while numbers.api.url is not a valid http(s) URL. */
    private ApiReadinessClient api;
    private volatile Verdict last;

    @PostConstruct
    void configure() {
        // The check answers within 1 s, so /health answers within 1.5 s even when the API hangs.
        timeoutMs = Lenient.number(TIMEOUT_KEY, timeoutText, 800, 50, 1000);
        // At least 100 ms: the API is then asked at most 10 times a second, whatever polls /health (0 made
        // every /health ask anew, one after the other). At most a minute: readiness must follow the API.
        cacheMs = Lenient.number(CACHE_KEY, cacheText, 2000, 100, 60_000);
    }

    @PreDestroy
    void close() {
        try (ApiReadinessClient closed = api) {
            api = null;
        } catch (Exception e) {
            // the web is stopping: nothing to tell
        }
    }

    public Verdict current() {
        Verdict seen = last;
        if (seen != null && Duration.between(seen.at(), Instant.now()).toMillis() < cacheMs) {
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

    private Verdict ask() {
        long start = System.nanoTime();
        try {
            return answered(status().get(timeoutMs, TimeUnit.MILLISECONDS), start);
        } catch (IllegalArgumentException e) {
            return verdict(0, start, BAD_URL, BAD_URL + ": " + apiUrl);
        } catch (TimeoutException e) {
            return verdict(0, start, ExchangeFailure.noAnswerWithin(timeoutMs), ExchangeFailure.noAnswerWithin(timeoutMs));
        } catch (ExecutionException e) {
            // The Rest Client's default exception mapper turns an answer of 400 and up, such as 503, into this.
            if (e.getCause() instanceof WebApplicationException answer) {
                return answered(answer.getResponse().getStatus(), start);
            }
            return verdict(0, start, ExchangeFailure.reason(e.getCause(), timeoutMs), ExchangeFailure.describe(e.getCause(), timeoutMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return verdict(0, start, "interrupted", "interrupted");
        }
    }

    private Verdict answered(int status, long start) {
        String words = status == 200 ? "ready" : "not ready";
        return verdict(status, start, words, words);
    }

    private Verdict verdict(int status, long start, String reason, String detail) {
        String url = (apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl) + "/health/ready";
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Verdict(status == 200, url, status, latencyMs, reason, detail, Instant.now());
    }

    /** The status of the API's answer; the answer is closed when it comes, even after the caller gave up. */
    CompletableFuture<Integer> status() {
        if (api == null) {
            throw new IllegalArgumentException(apiUrl);
        }
        return api.ready().thenApply(answer -> {
            try (Response closed = answer) {
                return closed.getStatus();
            }
        }).toCompletableFuture();
    }

    /** The client is built as the web starts, not at the first /health: its first build takes seconds. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object webStarted) {
        try {
            URI base = URI.create(apiUrl);
            if (base.getHost() != null && String.valueOf(base.getScheme()).matches("(?i)https?")) {
                api = RestClientBuilder.newBuilder().baseUri(base)
                        .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .build(ApiReadinessClient.class);
            }
        } catch (IllegalArgumentException e) {
            // not a URL: every verdict says so
        }
    }
}
