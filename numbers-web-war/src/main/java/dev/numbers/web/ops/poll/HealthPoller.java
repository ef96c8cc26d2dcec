package dev.numbers.web.ops.poll;

import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Polling;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.settings.OpsSettings;
import dev.numbers.web.ops.state.HealthHistory;
import dev.numbers.web.text.OneLine;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads each watched service's MicroProfile Health every {@code numbers.ops.interval-ms}, on Liberty's
 * managed scheduler. Each target has its own fixed-delay task: the next poll starts an interval after the
 * previous one ended, so two polls of one target are never in flight, and a hung target delays only itself.
 */
@ApplicationScoped
public class HealthPoller {

    private static final Logger LOG = Logger.getLogger(HealthPoller.class.getName());

    /** Polls start an interval apart, but the first one a moment after start, once the web's own port serves it. */
    private static final long FIRST_POLL_MS = 1000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService httpThreads;

    @Inject
    OpsSettings settings;

    @Inject
    HealthHistory history;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private volatile boolean stopped;
    private volatile HealthReader reader;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Polling polling = settings.polling();
        if (!polling.enabled()) {
            LOG.info("ops: health polling is switched off (numbers.ops.enabled=false)");
            return;
        }
        reader = newReader(polling);
        long first = Math.min(FIRST_POLL_MS, polling.intervalMs());
        synchronized (tasks) {
            for (Target target : settings.targets()) {
                AtomicBoolean stackLogged = new AtomicBoolean();
                tasks.add(scheduler.scheduleWithFixedDelay(() -> poll(target, stackLogged), first, polling.intervalMs(), TimeUnit.MILLISECONDS));
            }
        }
        LOG.info("ops: watching " + settings.targets().stream().map(t -> t.name() + " at " + t.url()).toList()
                + " every " + polling.intervalMs() + " ms, each poll bounded to " + polling.timeoutMs() + " ms");
    }

    /** How the polls read their targets; tests put a stand-in here. */
    HealthReader newReader(Polling polling) {
        return new HealthReader(polling.timeoutMs(), httpThreads);
    }

    /**
     * The application is stopping: no poll starts any more, and one in flight is ended and gives up
     * quietly. It must not record (the beans it would record into are being destroyed, WELD-000229), nor
     * load a class (the application's class loader is closing, ClassFormatError), nor log as if it failed.
     */
    @PreDestroy
    void stop() {
        stopped = true;
        synchronized (tasks) {
            tasks.forEach(task -> task.cancel(true));
            tasks.clear();
        }
        HealthReader current = reader;
        if (current != null) {
            current.abortAll();
        }
    }

    /** Never throws: a scheduled task that throws, an Error as much as an exception, is never run again. */
    private void poll(Target target, AtomicBoolean stackLogged) {
        if (stopped) {
            return;
        }
        Instant at = Instant.now();
        long start = System.nanoTime();
        HealthReading reading;
        try {
            reading = reader.read(target);
        } catch (Throwable e) {
            if (stopped) {
                return;
            }
            warn(stackLogged, "ops: polling " + target.name() + " failed", e);
            reading = HealthReading.failed(at, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0, "poll failed: " + oneLine(e));
        }
        try {
            if (!stopped) {
                history.record(target, reading);
            }
        } catch (Throwable e) {
            if (!stopped) {
                warn(stackLogged, "ops: recording a poll of " + target.name() + " failed", e);
            }
        }
    }

    /** The stack once per target, for whoever mends the bug; after that one line a poll, not a stack every interval. */
    private static void warn(AtomicBoolean stackLogged, String what, Throwable e) {
        if (stackLogged.getAndSet(true)) {
            LOG.warning(what + ": " + oneLine(e));
        } else {
            LOG.log(Level.WARNING, what, e);
        }
    }

    /** A throwable as one short line for the page: its class and the start of its message, no stack. */
    static String oneLine(Throwable failure) {
        return OneLine.of(failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), 160);
    }
}
