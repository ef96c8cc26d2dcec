package dev.numbers.web.ops.control;

import dev.numbers.web.ops.entity.Polling;
import dev.numbers.web.ops.entity.Target;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Polling polling = settings.polling();
        if (!polling.enabled()) {
            LOG.info("ops: health polling is switched off (numbers.ops.enabled=false)");
            return;
        }
        HealthReader reader = new HealthReader(polling.timeoutMs(), httpThreads);
        long first = Math.min(FIRST_POLL_MS, polling.intervalMs());
        for (Target target : settings.targets()) {
            tasks.add(scheduler.scheduleWithFixedDelay(new Poll(target, reader), first, polling.intervalMs(), TimeUnit.MILLISECONDS));
        }
        LOG.info("ops: watching " + settings.targets().stream().map(t -> t.name() + " at " + t.url()).toList()
                + " every " + polling.intervalMs() + " ms, each poll bounded to " + polling.timeoutMs() + " ms");
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(true));
    }

    private final class Poll implements Runnable {

        private final Target target;
        private final HealthReader reader;

        Poll(Target target, HealthReader reader) {
            this.target = target;
            this.reader = reader;
        }

        @Override
        public void run() {
            try {
                history.record(target, reader.read(target));
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; one bad poll must not end the watching.
                LOG.warning("ops: polling " + target.name() + " failed: " + e);
            }
        }
    }
}
