package dev.numbers.api.rng.boundary;

import dev.numbers.api.rng.control.CallBudget;
import dev.numbers.api.startup.control.Initialisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: send traffic only once the app is initialised and while {@code /rng} can still serve. */
@Readiness
@ApplicationScoped
public class RngReadinessCheck implements HealthCheck {

    static final String NAME = "numbers-api-rng";

    @Inject
    CallBudget budget;

    @Inject
    Initialisation initialisation;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(initialisation.done() && !budget.broken())
                .withData("initialised", initialisation.done())
                .withData("serving", !budget.broken())
                .build();
    }
}
