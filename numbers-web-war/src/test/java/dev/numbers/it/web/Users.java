package dev.numbers.it.web;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Many users at once, each asking the web for a number again as soon as it has its answer, for a bounded
 * time and a bounded number of requests. Every answer is kept with when it came and how long it took,
 * so a test can say what the users saw while a fault came and went in the middle of the run.
 */
final class Users implements AutoCloseable {

    /** What one user saw for one request. */
    record Answer(long startedMillis, long tookMillis, int status, String body) {

        private static final Pattern NUMBER = Pattern.compile("\\{\"number\":\\d{1,2}}");

        boolean isNumber() {
            return status == 200 && NUMBER.matcher(body).matches();
        }

        boolean isPlannedUnavailable() {
            return status == 503 && body.equals("{\"error\":\"RNG service unavailable\"}");
        }
    }

    private static final int MAX_REQUESTS_PER_USER = 5_000;

    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean stop;

    private Users(int count) {
        threads = Executors.newFixedThreadPool(count);
    }

    /** Starts {@code count} users asking {@code GET path} until {@link #stop()} or {@code maxSeconds}. */
    static Users start(int count, URL web, String path, int maxSeconds) {
        Users users = new Users(count);
        HttpRequest request = HttpRequest.newBuilder(URI.create(web.toString()).resolve(path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        for (int i = 0; i < count; i++) {
            users.running.add(users.threads.submit(() -> users.ask(request, deadline)));
        }
        return users;
    }

    private void ask(HttpRequest request, long deadline) {
        // One connection per user, as a browser keeps one: HttpClient pools per client.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < MAX_REQUESTS_PER_USER && !stop && System.nanoTime() < deadline; i++) {
            long started = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (Exception e) {
                status = -1;
                body = e.toString();
            }
            long now = System.nanoTime();
            answers.add(new Answer(TimeUnit.NANOSECONDS.toMillis(started - startNanos),
                    TimeUnit.NANOSECONDS.toMillis(now - started), status, body));
        }
    }

    /** Milliseconds since the users started. */
    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops the users, waits for their last answers, and gives every answer in the order they started. */
    List<Answer> stop() throws Exception {
        stop = true;
        for (Future<?> user : running) {
            user.get(30, TimeUnit.SECONDS);
        }
        List<Answer> all = new ArrayList<>(answers);
        all.sort(Comparator.comparingLong(Answer::startedMillis));
        return all;
    }

    @Override
    public void close() {
        stop = true;
        threads.shutdownNow();
    }
}
