package dev.numbers.web.number.control;

/** The API answered, but not with a number: not retried, counted by the circuit breaker, logged. */
public class BadAnswerException extends RuntimeException {

    public BadAnswerException(String message) {
        super(message);
    }
}
