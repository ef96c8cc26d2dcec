package dev.numbers.api.rng.boundary;

import dev.numbers.api.rng.control.CallBudget;
import dev.numbers.api.rng.control.RngSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN once the bug has struck, since only a restart brings the service back. The data says
 * how far the budget went, so an operator sees why without reading logs. A wrong setting leaves it UP
 * (with the error in its data): a restart reads the same setting, so DOWN would only restart it for ever.
 */
@Liveness
@ApplicationScoped
public class RngLivenessCheck implements HealthCheck {

    static final String NAME = "numbers-api";

    @Inject
    CallBudget budget;

    @Inject
    RngSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!budget.broken())
                .withData("calls", budget.calls())
                .withData("failAfter", budget.failAfter());
        settings.problem().ifPresent(problem -> response.withData("error", problem));
        return response.build();
    }
}
