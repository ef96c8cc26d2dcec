package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Transition;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The status of one service or one check over time: what it is, since when, how often it changed, and
 * the latest changes, at most {@code keep} of them, so memory stays bounded however long it flaps.
 * Not thread-safe; its {@link ServiceRecord} guards it.
 */
final class StatusHistory {

    private final String service;
    private final String check;
    private final int keep;
    private final Deque<Transition> latest = new ArrayDeque<>();
    private Status status = Status.UNKNOWN;
    private Instant since;
    private long transitionCount;

    /** @param check null for the service's overall status */
    StatusHistory(String service, String check, int keep, Instant since) {
        this.service = service;
        this.check = check;
        this.keep = keep;
        this.since = since;
    }

    /** Adds the transition to {@code changes}, if the status changes. */
    void move(Status to, Instant at, String detail, List<Transition> changes) {
        if (to == status) {
            return;
        }
        Transition transition = new Transition(at, service, check, status, to, detail);
        status = to;
        since = at;
        transitionCount++;
        latest.addFirst(transition);
        if (latest.size() > keep) {
            latest.removeLast();
        }
        changes.add(transition);
    }

    Status status() {
        return status;
    }

    Instant since() {
        return since;
    }

    long transitionCount() {
        return transitionCount;
    }

    /** Newest first. */
    List<Transition> latest() {
        return List.copyOf(latest);
    }
}
