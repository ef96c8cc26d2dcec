package dev.numbers.web.apihealth.boundary;

import dev.numbers.web.apihealth.control.ApiReadiness;
import dev.numbers.web.apihealth.control.Verdict;
import dev.numbers.settings.Lenient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the web is ready to show numbers only while the numbers-api is. Deliberately not a liveness
 * check: a broken API must never get the web restarted, since a restart cannot mend the API.
 * <p>
 * {@code /health} is open to whoever reaches the port (platforms read it), so by default its data says
 * only what an operator needs at a glance and nothing that maps the inside: the API's HTTP status, how
 * long it took, when, and why in a few fixed words. {@value #DETAILS_KEY}{@code =true} adds the API's
 * URL and the full reason, exception text included, for debugging on a trusted network.
 */
@Readiness
@ApplicationScoped
public class ApiReachableCheck implements HealthCheck {

    static final String NAME = "numbers-api-reachable";
    public static final String DETAILS_KEY = "numbers.web.health.details";

    @Inject
    ApiReadiness readiness;

    @Inject
    @ConfigProperty(name = DETAILS_KEY, defaultValue = "false")
    String detailsText;

    /** False unless switched on, also where nothing was injected. */
    boolean details;

    @PostConstruct
    void configure() {
        details = Lenient.flag(DETAILS_KEY, detailsText, false);
    }

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = readiness.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(verdict.up());
        if (details) {
            response.withData("url", verdict.url());
        }
        return response
                .withData("status", verdict.status())
                .withData("latencyMs", verdict.latencyMs())
                .withData("detail", details ? verdict.detail() : verdict.reason())
                .withData("checkedAt", verdict.at().toString())
                .build();
    }
}
