package dev.numbers.peer.web.number;

/** The API answered 2xx, but not with a number: not retried, counted by the circuit breaker, logged. */
public class BadAnswerException extends RuntimeException {

    public BadAnswerException(String message) {
        super(message);
    }
}
