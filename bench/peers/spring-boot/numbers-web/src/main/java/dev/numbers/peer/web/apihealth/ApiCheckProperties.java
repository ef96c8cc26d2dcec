package dev.numbers.peer.web.apihealth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the web's readiness asks the numbers-api (defaults in application.yml): {@code timeout} bounds the
 * whole question ({@code NUMBERS_WEB_API_CHECK_TIMEOUT}, 800 ms), {@code cache} is how long an answer is
 * reused ({@code NUMBERS_WEB_API_CHECK_CACHE}, 2 s), {@code path} is the API's readiness path
 * ({@code NUMBERS_WEB_API_CHECK_PATH}, /health/ready, which both the Liberty API and the peer serve).
 */
@ConfigurationProperties("numbers.web.api-check")
public record ApiCheckProperties(Duration timeout, Duration cache, String path) {
}
