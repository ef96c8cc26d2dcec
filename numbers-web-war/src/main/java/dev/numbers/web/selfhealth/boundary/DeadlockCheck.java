package dev.numbers.web.selfhealth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;

/**
 * Liveness of the web itself, and only of itself: a JVM with deadlocked threads does not recover, a
 * restart does. Nothing about the API belongs here.
 */
@Liveness
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    static final String NAME = "numbers-web-threads";

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named(NAME)
                .status(count == 0)
                .withData("deadlockedThreads", count)
                .withData("liveThreads", ManagementFactory.getThreadMXBean().getThreadCount())
                .build();
    }
}
