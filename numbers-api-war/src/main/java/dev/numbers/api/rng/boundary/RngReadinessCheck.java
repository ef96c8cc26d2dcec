package dev.numbers.api.rng.boundary;

import dev.numbers.api.rng.control.CallBudget;
import dev.numbers.api.rng.control.RngSettings;
import dev.numbers.api.startup.control.Initialisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: send traffic only once the app is initialised and while {@code /rng} can still serve. A wrong
 * setting makes it DOWN and names the setting; liveness stays UP then, as a restart would not mend it.
 */
@Readiness
@ApplicationScoped
public class RngReadinessCheck implements HealthCheck {

    static final String NAME = "numbers-api-rng";

    @Inject
    CallBudget budget;

    @Inject
    Initialisation initialisation;

    @Inject
    RngSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(initialisation.done() && budget.serving())
                .withData("initialised", initialisation.done())
                .withData("serving", budget.serving());
        settings.problem().ifPresent(problem -> response.withData("error", problem));
        return response.build();
    }
}
