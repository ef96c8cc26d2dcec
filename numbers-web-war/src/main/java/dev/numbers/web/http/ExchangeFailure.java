package dev.numbers.web.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why an exchange of the JDK's HttpClient got no answer, in a few words an operator reads in a health
 * check's data or on the operations page, instead of an exception's toString.
 */
public final class ExchangeFailure {

    private ExchangeFailure() {
    }

    /** The caller stopped waiting at the exchange's time bound: the same words as the request's own timeout. */
    public static String noAnswerWithin(long timeoutMs) {
        return "no answer within " + timeoutMs + " ms";
    }

    /** @param timeoutMs the exchange's time bound, named when it ran out */
    public static String describe(Throwable failure, long timeoutMs) {
        // The JDK wraps an unknown host in a ConnectException, so it is looked for first.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + timeoutMs + " ms";
            }
            // The request's own timeout and the caller's wait end at the same moment; whichever wins, it
            // is the same event.
            if (cause instanceof HttpTimeoutException) {
                return noAnswerWithin(timeoutMs);
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + cause.getMessage();
            }
        }
        return failure instanceof IOException && failure.getMessage() != null
                ? "connection failed: " + failure.getMessage()
                : "connection failed: " + failure.getClass().getSimpleName();
    }
}
