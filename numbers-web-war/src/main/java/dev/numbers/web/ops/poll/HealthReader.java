package dev.numbers.web.ops.poll;

import dev.numbers.web.http.ExchangeFailure;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Target;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One poll of one target's MicroProfile Health, ended within the time bound whatever the target does:
 * refuse, accept and never answer, or trickle its answer a byte at a time. At most {@value #MAX_BODY}
 * bytes of body are read. Redirects are not followed: a health URL that moved is a wrong setting.
 */
public class HealthReader {

    static final int MAX_BODY = 64 * 1024;

    private final long timeoutMs;
    private final HttpClient client;
    /** How to end each poll in flight, for {@link #abortAll()}. */
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();

    /** @param threads where the HTTP client runs its work: in Liberty, a managed executor, not threads of its own */
    public HealthReader(long timeoutMs, Executor threads) {
        this.timeoutMs = timeoutMs;
        // HTTP/1.1: the default h2c upgrade costs every poll of a plain-HTTP Liberty an extra round trip.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(timeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(threads)
                .build();
    }

    /** Ends every poll in flight at once, without waiting: the application is stopping. */
    public void abortAll() {
        inFlight.forEach(Runnable::run);
    }

    public HealthReading read(Target target) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Accept", "application/json")
                .build();
        CappedBody body = new CappedBody(MAX_BODY);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> body);
        // Both, so that the connection is closed now and the next poll never finds this one still open.
        Runnable abort = () -> {
            exchange.cancel(true);
            body.abort();
        };
        inFlight.add(abort);
        try {
            HttpResponse<byte[]> response = exchange.get(timeoutMs, TimeUnit.MILLISECONDS);
            return HealthAnswer.parse(at, millisSince(start), response.statusCode(), response.body());
        } catch (TimeoutException e) {
            abort.run();
            return HealthReading.failed(at, millisSince(start), 0, ExchangeFailure.noAnswerWithin(timeoutMs));
        } catch (ExecutionException e) {
            return HealthReading.failed(at, millisSince(start), 0, reasonOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return HealthReading.failed(at, millisSince(start), 0, "poll interrupted (the web is stopping)");
        } finally {
            inFlight.remove(abort);
        }
    }

    private String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CappedBody.TooLarge) {
                return cause.getMessage();
            }
        }
        return ExchangeFailure.describe(failure, timeoutMs);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
