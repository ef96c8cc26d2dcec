package dev.numbers.web.ops.poll;

import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Polling;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.settings.OpsSettings;
import dev.numbers.web.ops.state.HealthHistory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller on plain executors dressed as Liberty's, against loopback stand-ins. */
class HealthPollerTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);

    {
        scheduler.setRemoveOnCancelPolicy(true);
    }
    private final ExecutorService httpThreads = Executors.newCachedThreadPool();
    private final List<HealthReading> recorded = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stopAll() {
        scheduler.shutdownNow();
        httpThreads.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
    }

    /** Settings as given, bounds not applied, so that a test runs in milliseconds. */
    private static OpsSettings settings(Polling polling, Target target) {
        return new OpsSettings() {
            @Override
            public Polling polling() {
                return polling;
            }

            @Override
            public List<Target> targets() {
                return List.of(target);
            }
        };
    }

    private HealthPoller poller(Polling polling, Target target, HealthHistory history) {
        HealthPoller poller = new HealthPoller();
        poller.scheduler = Managed.scheduler(scheduler);
        poller.httpThreads = Managed.executor(httpThreads);
        poller.settings = settings(polling, target);
        poller.history = history;
        return poller;
    }

    /** A history that keeps what it is given, and can be told to throw instead. */
    private HealthHistory history(AtomicInteger throwsLeft, Throwable toThrow) {
        return new HealthHistory() {
            @Override
            public void record(Target target, HealthReading reading) {
                recorded.add(reading);
                if (throwsLeft.getAndDecrement() > 0) {
                    sneakyThrow(toThrow);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static Target refusingTarget() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return new Target("gone", URI.create("http://127.0.0.1:" + port + "/health"));
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + ": not within 5 s");
            Thread.sleep(10);
        }
    }

    @Test
    void anErrorInAPollNeverEndsTheWatching() throws Exception {
        // A scheduled task that throws is silently never run again: before, only a RuntimeException was
        // caught, and the ClassFormatError a CI log showed would have ended this target's polling.
        HealthPoller poller = poller(new Polling(true, 20, 500, 10), refusingTarget(),
                history(new AtomicInteger(2), new ClassFormatError("CappedBody$TooLarge")));
        poller.start(new Object());

        await("polls after two that threw", () -> recorded.size() >= 4);
        poller.stop();
    }

    @Test
    void stoppingCancelsThePollsAndAnInFlightPollGivesUpQuietly() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/health", exchange -> {
            requests.incrementAndGet();
            asked.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
                byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException | IOException e) {
                // the poll went away: nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
        Target slow = new Target("slow", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health"));
        HealthPoller poller = poller(new Polling(true, 20, 3000, 10), slow, history(new AtomicInteger(), null));
        poller.start(new Object());
        assertTrue(asked.await(5, TimeUnit.SECONDS), "the first poll reached the service");

        poller.stop();
        release.countDown();
        Thread.sleep(300);

        assertEquals(List.of(), recorded, "nothing is recorded once the application stops: its beans are gone");
        assertEquals(1, requests.get(), "no poll after the stop");
        assertEquals(0, scheduler.getQueue().size(), "the scheduled task is cancelled");
    }

    @Test
    void aThrowableFromAReadIsRecordedAsAFailedPollAndPollingGoesOn() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        HealthPoller poller = new HealthPoller() {
            @Override
            HealthReader newReader(Polling polling) {
                return new HealthReader(polling.timeoutMs(), Runnable::run) {
                    @Override
                    public HealthReading read(Target target) {
                        if (reads.incrementAndGet() == 1) {
                            throw new ClassFormatError("CappedBody$TooLarge\nsecond line");
                        }
                        return HealthReading.failed(Instant.now(), 1, 0, "connection refused");
                    }
                };
            }
        };
        poller.scheduler = Managed.scheduler(scheduler);
        poller.settings = settings(new Polling(true, 20, 500, 10), refusingTarget());
        poller.history = history(new AtomicInteger(), null);
        poller.start(new Object());

        await("polls after the one that threw", () -> recorded.size() >= 3);
        poller.stop();

        assertEquals("poll failed: ClassFormatError: CappedBody$TooLarge second line", recorded.get(0).problem());
        assertEquals("connection refused", recorded.get(1).problem());
    }

    @Test
    void aThrowableIsOneShortLine() {
        assertEquals("OutOfMemoryError", HealthPoller.oneLine(new OutOfMemoryError()));
        String line = HealthPoller.oneLine(new IllegalStateException("x".repeat(1000)));
        assertEquals(163, line.length());
        assertTrue(line.endsWith("..."));
    }
}
