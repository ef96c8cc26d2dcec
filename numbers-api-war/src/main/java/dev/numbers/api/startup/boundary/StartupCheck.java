package dev.numbers.api.startup.boundary;

import dev.numbers.api.startup.control.Initialisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Startup: UP once the application is initialised, so a platform stops waiting and starts probing liveness. */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    static final String NAME = "numbers-api-started";

    @Inject
    Initialisation initialisation;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(initialisation.done())
                .withData("since", initialisation.doneAt())
                .build();
    }
}
