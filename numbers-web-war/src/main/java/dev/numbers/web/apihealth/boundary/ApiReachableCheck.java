package dev.numbers.web.apihealth.boundary;

import dev.numbers.web.apihealth.control.ApiReadiness;
import dev.numbers.web.apihealth.control.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the web is ready to show numbers only while the numbers-api is. Deliberately not a liveness
 * check: a broken API must never get the web restarted, since a restart cannot mend the API.
 */
@Readiness
@ApplicationScoped
public class ApiReachableCheck implements HealthCheck {

    static final String NAME = "numbers-api-reachable";

    @Inject
    ApiReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = readiness.current();
        return HealthCheckResponse.named(NAME)
                .status(verdict.up())
                .withData("url", verdict.url())
                .withData("status", verdict.status())
                .withData("latencyMs", verdict.latencyMs())
                .withData("detail", verdict.detail())
                .withData("checkedAt", verdict.at().toString())
                .build();
    }
}
