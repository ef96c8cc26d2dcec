package dev.numbers.web.ops.entity;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code GET /ops/status} answers; the README describes each field.
 *
 * @param timeline every service's and check's latest transitions together, newest first
 */
public record OpsStatus(Instant generatedAt, Polling polling, List<ServiceView> services, List<Transition> timeline,
                        CircuitView circuitBreaker) {
}
