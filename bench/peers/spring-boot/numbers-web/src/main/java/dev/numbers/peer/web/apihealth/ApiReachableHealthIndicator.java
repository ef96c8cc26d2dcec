package dev.numbers.peer.web.apihealth;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code apiReachable}, in the readiness groups only: the web is ready to show
 * numbers only while the numbers-api is. Never in liveness: a broken API must not get the web restarted,
 * since a restart cannot mend the API. Mirrors the Liberty web's ApiReachableCheck.
 */
@Component
public class ApiReachableHealthIndicator implements HealthIndicator {

    private final ApiReadiness readiness;

    public ApiReachableHealthIndicator(ApiReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        Verdict verdict = readiness.current();
        return (verdict.up() ? Health.up() : Health.down())
                .withDetail("url", verdict.url())
                .withDetail("status", verdict.status())
                .withDetail("latencyMs", verdict.latencyMs())
                .withDetail("detail", verdict.detail())
                .withDetail("checkedAt", verdict.at().toString())
                .build();
    }
}
