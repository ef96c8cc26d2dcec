package dev.numbers.web.apihealth.control;

import java.time.Instant;

/**
 * One answer of the API's readiness endpoint, as the web saw it.
 *
 * @param reason why, in a few words from a fixed set ("ready", "not ready", "connection refused", "TLS failed"...):
 *               safe to show anyone who can reach {@code /health}
 * @param detail why, in full: may carry an exception's text, host names or the configured URL
 */
public record Verdict(boolean up, String url, int status, long latencyMs, String reason, String detail, Instant at) {
}
