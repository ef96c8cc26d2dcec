package dev.numbers.web.ops.entity;

import java.time.Instant;

/** The latest poll of a service: when, how long it took, the HTTP status (0 if none) and its problem, if any. */
public record LastPoll(Instant at, long latencyMs, int httpStatus, String problem) {
}
