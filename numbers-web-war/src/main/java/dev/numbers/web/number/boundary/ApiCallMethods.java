package dev.numbers.web.number.boundary;

import dev.numbers.web.number.control.ApiWaitLimit;
import dev.numbers.web.number.control.RandomNumbers;

/**
 * The methods around the web's call to the API, as Fault Tolerance names them in its metrics' method tag,
 * published for whoever reads those metrics (the operations view), so that no one reaches into this control.
 */
public final class ApiCallMethods {

    /** Timeout, retry, circuit breaker and fallback. */
    public static final String CIRCUIT_BREAKER = RandomNumbers.class.getName() + ".next";
    /** The bulkhead, outside the circuit (see {@link ApiWaitLimit}). */
    public static final String BULKHEAD = ApiWaitLimit.class.getName() + ".next";

    private ApiCallMethods() {
    }
}
