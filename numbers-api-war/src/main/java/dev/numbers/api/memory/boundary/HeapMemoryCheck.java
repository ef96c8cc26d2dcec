package dev.numbers.api.memory.boundary;

import dev.numbers.api.memory.control.HeapThreshold;
import dev.numbers.api.memory.control.HeapUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.util.Locale;

/**
 * The book's memory-check lab, the MicroProfile way: DOWN when the heap in use goes above the configured
 * share of the maximum, so the platform replaces a process that is about to spend its time collecting garbage.
 */
@Liveness
@ApplicationScoped
public class HeapMemoryCheck implements HealthCheck {

    static final String NAME = "heap-memory";

    @Inject
    HeapThreshold threshold;

    @Override
    public HealthCheckResponse call() {
        HeapUsage usage = HeapUsage.now();
        return HealthCheckResponse.named(NAME)
                .status(!threshold.exceededBy(usage))
                .withData("usedBytes", usage.usedBytes())
                .withData("maxBytes", usage.maxBytes())
                .withData("usedShare", String.format(Locale.ROOT, "%.3f", usage.share()))
                .withData("threshold", String.valueOf(threshold.share()))
                .build();
    }
}
