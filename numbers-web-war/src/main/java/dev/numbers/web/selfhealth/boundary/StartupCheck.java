package dev.numbers.web.selfhealth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import java.time.Instant;

/** Startup: UP once the application is initialised. */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    static final String NAME = "numbers-web-started";

    private volatile Instant initialisedAt;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        initialisedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        Instant at = initialisedAt;
        return HealthCheckResponse.named(NAME)
                .status(at != null)
                .withData("since", at == null ? "not yet" : at.toString())
                .build();
    }
}
