package dev.numbers.web.http;

import dev.numbers.web.text.OneLine;

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

    /** Enough for any message the JDK writes itself; what is cut is a peer's bytes. */
    static final int MESSAGE_MAX = 120;

    private ExchangeFailure() {
    }

    /** The caller stopped waiting at the exchange's time bound: the same words as the request's own timeout. */
    public static String noAnswerWithin(long timeoutMs) {
        return "no answer within " + timeoutMs + " ms";
    }

    /** @param timeoutMs the exchange's time bound, named when it ran out */
    public static String describe(Throwable failure, long timeoutMs) {
        return words(failure, timeoutMs, true);
    }

    /**
     * The same, from a fixed set of words without the exception's own text, which can name hosts,
     * addresses and certificates: for what anyone who can reach a health endpoint reads.
     */
    public static String reason(Throwable failure, long timeoutMs) {
        return words(failure, timeoutMs, false);
    }

    private static String words(Throwable failure, long timeoutMs, boolean withText) {
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
                return withText ? "TLS failed: " + OneLine.of(String.valueOf(cause.getMessage()), MESSAGE_MAX) : "TLS failed";
            }
        }
        if (!withText) {
            return "connection failed";
        }
        // The JDK quotes what the peer sent ("parsing HTTP/1.1 status line, receiving [...]"): whatever
        // bytes a broken or hostile service answers, they reach the page as one short line.
        return failure instanceof IOException && failure.getMessage() != null
                ? "connection failed: " + OneLine.of(failure.getMessage(), MESSAGE_MAX)
                : "connection failed: " + failure.getClass().getSimpleName();
    }
}
