package dev.numbers.web.ops.entity;

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
