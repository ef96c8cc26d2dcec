package dev.numbers.peer.web.apihealth;

import java.time.Instant;

/** One answer of the API's readiness endpoint, as the web saw it. */
public record Verdict(boolean up, String url, int status, long latencyMs, String detail, Instant at) {
}
