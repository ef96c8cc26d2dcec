package dev.numbers.web.ops.entity;

import java.time.Instant;

/**
 * A change of status seen by the poller.
 *
 * @param check null for the service's overall status
 * @param detail why, in a few words: the poll's problem, or the check's data; may be null
 */
public record Transition(Instant at, String service, String check, Status from, Status to, String detail) {
}
