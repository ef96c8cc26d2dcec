package dev.numbers.peer.web.number;

/**
 * The API answered with an error status (the broken API's 500): not retried, counted by the circuit
 * breaker. The Liberty web's REST client raises a WebApplicationException for the same.
 */
public class ApiErrorStatusException extends RuntimeException {

    public ApiErrorStatusException(int status) {
        super("numbers-api answered status " + status);
    }
}
