package dev.numbers.web.ops.entity;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code GET /ops/status} answers; docs/operations.md describes each field.
 *
 * @param timeline every service's and check's latest transitions together, newest first
 */
public record OpsStatus(Instant generatedAt, Polling polling, List<ServiceView> services, List<Transition> timeline,
                        CircuitView circuitBreaker) {

    /**
     * One watched service, for {@code /ops/status} and the page.
     *
     * @param lastPoll null until the first poll has ended
     * @param transitions the latest changes of the overall status, newest first
     */
    public record ServiceView(String name, String url, Status status, Instant since, LastPoll lastPoll, long polls, long failedPolls,
                              long transitionCount, List<CheckView> checks, List<Transition> transitions) {
    }

    /**
     * One check of a watched service, for {@code /ops/status} and the page.
     *
     * @param since when the check took its current status (as first seen by this poller)
     * @param transitionCount every change since the web started; {@code transitions} keeps the latest, newest first
     */
    public record CheckView(String name, Status status, Instant since, JsonObject data, long transitionCount, List<Transition> transitions) {
    }

    /** The latest poll of a service: when, how long it took, the HTTP status (0 if none) and its problem, if any. */
    public record LastPoll(Instant at, long latencyMs, int httpStatus, String problem) {
    }

    /**
     * A change of status seen by the poller.
     *
     * @param check null for the service's overall status
     * @param detail why, in a few words: the poll's problem, or the check's data; may be null
     */
    public record Transition(Instant at, String service, String check, Status from, Status to, String detail) {
    }

    /**
     * The circuit breaker of the web's call to the API, as Fault Tolerance itself reports it.
     *
     * @param state closed, open or halfOpen (the Fault Tolerance metric's words)
     * @param opened how many times it opened
     * @param calls users' calls for a number; of which {@code fallbacks} ended with the fallback answer, and
     *              {@code rejectedByBulkhead} were turned away at once because too many already waited on the API
     * @param rejectedByCircuit calls the open circuit refused without calling the API
     */
    public record CircuitView(String method, String state, long opened, long calls, long succeeded, long failed, long fallbacks,
                              long rejectedByCircuit, long rejectedByBulkhead, long timedOut) {
    }
}
