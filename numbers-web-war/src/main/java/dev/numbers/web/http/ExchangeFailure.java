package dev.numbers.web.http;

import dev.numbers.web.text.OneLine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * Why an exchange with another service got no answer, told from the exception types in its cause chain
 * alone (never from their messages, which differ between JDKs), for the JDK's HttpClient and for the
 * MicroProfile Rest Client alike: in a few words an operator reads in a health check's data or on the
 * operations page, and whether the request can be sent again without the service having seen it.
 */
public final class ExchangeFailure {

    /** Enough for any message the JDK writes itself; what is cut is a peer's bytes. */
    static final int MESSAGE_MAX = 120;

    private ExchangeFailure() {
    }

    /**
     * Liberty's Rest Client runs on Apache HttpClient, whose connect timeout wraps the same
     * {@link SocketTimeoutException} as a read timeout; only this type, hidden from the app's class
     * loader and so known by name, tells the two apart.
     */
    private static final String REST_CLIENT_CONNECT_TIMEOUT = "org.apache.http.conn.ConnectTimeoutException";

    /**
     * No connection was made, so the service cannot have counted the request: refused, unknown host, no
     * route, or a connect timeout. Never a bare {@link SocketTimeoutException}: after a read timeout the
     * service may have counted the request.
     */
    public static boolean noConnection(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof UnresolvedAddressException
                || connectTimeout(cause));
    }

    private static boolean connectTimeout(Throwable cause) {
        return cause instanceof HttpConnectTimeoutException || cause.getClass().getName().equals(REST_CLIENT_CONNECT_TIMEOUT);
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
        List<Throwable> causes = causes(failure);
        // The JDK wraps an unknown host in a ConnectException, so it is looked for first.
        if (causes.stream().anyMatch(cause -> cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException)) {
            return "unknown host";
        }
        for (Throwable cause : causes) {
            if (connectTimeout(cause)) {
                return "no connection within " + timeoutMs + " ms";
            }
            // The request's own timeout and the caller's wait end at the same moment; whichever wins, it
            // is the same event.
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
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
        // bytes a broken or hostile service answers, they reach the page as one short line. The Rest
        // Client wraps that IOException in a ProcessingException.
        return causes.stream().filter(cause -> cause instanceof IOException && cause.getMessage() != null).findFirst()
                .map(io -> "connection failed: " + OneLine.of(io.getMessage(), MESSAGE_MAX))
                .orElse("connection failed: " + failure.getClass().getSimpleName());
    }

    private static List<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).toList();
    }
}
