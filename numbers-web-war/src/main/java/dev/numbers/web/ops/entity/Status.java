package dev.numbers.web.ops.entity;

/**
 * A service's or a check's status as the poller last saw it. UNKNOWN: not read yet, or the last poll got
 * no MicroProfile Health answer, so the checks' statuses are not known.
 */
public enum Status {
    UP, DOWN, UNKNOWN
}
