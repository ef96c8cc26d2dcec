package dev.numbers.web.number.control;

/** The API could not be reached at all: the one failure worth a quick retry. */
public class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
