package dev.numbers.peer.web.number;

import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

/**
 * One plain call of the API's {@code GET /rng}, no resilience of its own (that is {@link RandomNumbers}'s
 * job). The body is read with a size cap; a failure to connect becomes an {@link ApiUnreachableException},
 * decided by the exception's type only, never by its message.
 */
@Component
class NumbersApiClient {

    private final RestClient api;

    NumbersApiClient(RestClient numbersApiRestClient) {
        this.api = numbersApiRestClient;
    }

    int next() {
        try {
            return api.get()
                    .uri("/rng")
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new ApiErrorStatusException(response.getStatusCode().value());
                        }
                        return AnswerReader.read(response.getBody());
                    });
        } catch (ResourceAccessException e) {
            if (connectionFailed(e)) {
                throw new ApiUnreachableException("numbers-api unreachable: " + e.getCause(), e);
            }
            throw e;
        }
    }

    /**
     * Refused (the JDK client also reports an unknown host as a ConnectException), unknown host, no route,
     * or no connection within the connect timeout. A read timeout is an {@code HttpTimeoutException}, the
     * superclass of {@link HttpConnectTimeoutException}, and is not one: a slow API is not retried.
     */
    static boolean connectionFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
