package dev.numbers.peer.web.apihealth;

import dev.numbers.peer.web.number.NumbersApiProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Asks the numbers-api's readiness whether it can serve, within a time bound, and reuses the answer for
 * a short while so that probes polling the web do not multiply the load on the API. At most one question
 * is in flight; callers meanwhile wait for it. Mirrors the Liberty web's ApiReadiness.
 * <p>
 * The bound: Spring's JDK request factory runs its read timeout from the moment the request is sent, so
 * connect and read timeouts of 800 ms bound the whole exchange to 800 ms.
 */
@Component
public class ApiReadiness {

    private static final int BODY_LIMIT = 64 * 1024;

    private final RestClient client;
    private final String url;
    private final long timeoutMs;
    private final Duration cache;
    private volatile Verdict last;

    public ApiReadiness(RestClient.Builder builder, NumbersApiProperties api, ApiCheckProperties check) {
        this.url = stripSlash(api.url().toString()) + check.path();
        this.timeoutMs = check.timeout().toMillis();
        this.cache = check.cache();
        ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(check.timeout())
                .withReadTimeout(check.timeout());
        this.client = builder.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings)).build();
    }

    public Verdict current() {
        Verdict seen = last;
        if (fresh(seen)) {
            return seen;
        }
        synchronized (this) {
            if (!fresh(last)) {
                last = ask();
            }
            return last;
        }
    }

    private boolean fresh(Verdict verdict) {
        return verdict != null && Duration.between(verdict.at(), Instant.now()).compareTo(cache) < 0;
    }

    private Verdict ask() {
        long start = System.nanoTime();
        try {
            int status = client.get().uri(url).exchange((request, response) -> {
                try (InputStream body = response.getBody()) {
                    body.readNBytes(BODY_LIMIT);
                }
                return response.getStatusCode().value();
            });
            return new Verdict(status == 200, url, status, millisSince(start), status == 200 ? "ready" : "not ready", Instant.now());
        } catch (ResourceAccessException e) {
            return new Verdict(false, url, 0, millisSince(start), describe(e), Instant.now());
        } catch (RuntimeException e) {
            return new Verdict(false, url, 0, millisSince(start), "check failed: " + e.getClass().getSimpleName(), Instant.now());
        }
    }

    /** Why no answer came, in the Liberty web's words, decided by the exception's type. */
    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + timeoutMs + " ms";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + timeoutMs + " ms";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return "connection failed: " + failure.getCause();
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
