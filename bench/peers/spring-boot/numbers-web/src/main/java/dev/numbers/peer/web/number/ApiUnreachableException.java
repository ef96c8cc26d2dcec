package dev.numbers.peer.web.number;

/**
 * The API could not be reached at all (refused, unknown host, no route, no connection within the connect
 * timeout): the one failure worth a quick retry ({@code resilience4j.retry.instances.numbersApi.retryExceptions}).
 */
public class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
