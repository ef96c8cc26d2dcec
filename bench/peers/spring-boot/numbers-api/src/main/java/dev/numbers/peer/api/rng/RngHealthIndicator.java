package dev.numbers.peer.api.rng;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code rng}: DOWN once the bug has struck, since only a restart brings the
 * service back. In the liveness groups (like the Liberty API's liveness check {@code numbers-api}) and in
 * the readiness groups (like its {@code numbers-api-rng}). The details say how far the budget went.
 */
@Component
public class RngHealthIndicator implements HealthIndicator {

    private final RngSettings settings;

    public RngHealthIndicator(RngSettings settings) {
        this.settings = settings;
    }

    @Override
    public Health health() {
        CallBudget budget = settings.budget();
        Health.Builder health = budget.broken() ? Health.down() : Health.up();
        health.withDetail("calls", budget.calls()).withDetail("failAfter", budget.failAfter());
        settings.problem().ifPresent(problem -> health.withDetail("error", problem));
        return health.build();
    }
}
