package dev.numbers.web.http;

import jakarta.ws.rs.ProcessingException;
import org.apache.http.conn.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExchangeFailureTest {

    @Test
    void theRequestsOwnTimeoutReadsLikeTheCallersWait() {
        // The race that once made a hung API's readiness say "unreachable: java.net.http.HttpTimeoutException".
        assertEquals("no answer within 800 ms", ExchangeFailure.describe(new HttpTimeoutException("request timed out"), 800));
    }

    @Test
    void aConnectTimeoutIsNamedAsSuch() {
        assertEquals("no connection within 800 ms",
                ExchangeFailure.describe(new HttpConnectTimeoutException("HTTP connect timed out"), 800));
    }

    @Test
    void anUnknownHostWinsOverTheConnectExceptionThatWrapsIt() {
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new UnresolvedAddressException());
        assertEquals("unknown host", ExchangeFailure.describe(new CompletionException(wrapped), 800));
    }

    @Test
    void aRefusedConnection() {
        assertEquals("connection refused", ExchangeFailure.describe(new ConnectException(), 800));
    }

    @Test
    void aTlsFailureSaysWhy() {
        assertEquals("TLS failed: no cipher suites in common",
                ExchangeFailure.describe(new SSLHandshakeException("no cipher suites in common"), 800));
    }

    @Test
    void anythingElseIsOneLineWithoutAStackTrace() {
        assertEquals("connection failed: closed by the server", ExchangeFailure.describe(new IOException("closed by the server"), 800));
        assertEquals("connection failed: IllegalStateException", ExchangeFailure.describe(new IllegalStateException(), 800));
    }

    @Test
    void whatThePeerSentReachesThePageAsOneShortLine() {
        // Found by HealthReaderFuzzTest: the JDK quotes a broken status line, binary bytes and line
        // breaks included, and the poll's problem carried it to the page, the JSON and the log as it was.
        String quoted = "parsing HTTP/1.1 status line, receiving [HTTP/\u0000\u0085\r\n" + "x".repeat(5000) + "]";
        String line = ExchangeFailure.describe(new IOException(quoted), 800);

        assertTrue(line.startsWith("connection failed: parsing HTTP/1.1 status line, receiving [HTTP/??  xxx"), line);
        assertEquals(1, line.lines().count());
        assertEquals("connection failed: ".length() + ExchangeFailure.MESSAGE_MAX + "...".length(), line.length());
    }

    @Test
    void theSafeReasonCarriesNoTextOfTheException() {
        assertEquals("TLS failed", ExchangeFailure.reason(new SSLHandshakeException("PKIX path building failed for api.internal"), 800));
        assertEquals("connection failed", ExchangeFailure.reason(new IOException("closed by 10.0.0.7"), 800));
        assertEquals("connection refused", ExchangeFailure.reason(new ConnectException("10.0.0.7:9080"), 800));
        assertEquals("no answer within 800 ms", ExchangeFailure.reason(new HttpTimeoutException("request timed out"), 800));
    }

    // The Rest Client's failures, as Liberty's (RESTEasy on Apache HttpClient) throws them: a
    // ProcessingException around the JDK's exception.

    @Test
    void connectionFailuresAreRecognisedThroughTheRestClientsWrapping() {
        assertTrue(ExchangeFailure.noConnection(new ProcessingException(new ConnectException("Connection refused"))));
        assertTrue(ExchangeFailure.noConnection(new ProcessingException(new UnknownHostException("numbers-api"))));
        assertTrue(ExchangeFailure.noConnection(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertTrue(ExchangeFailure.noConnection(new ProcessingException(new ConnectTimeoutException())));
        assertEquals("no connection within 800 ms", ExchangeFailure.reason(new ProcessingException(new ConnectTimeoutException()), 800));
    }

    @Test
    void aSocketTimeoutIsNeverTakenForANoConnectionWhateverItsMessage() {
        // After a read timeout the API may have counted the request. Liberty's client wraps the same
        // SocketTimeoutException in its connect timeout's own type, which the test above recognises.
        assertFalse(ExchangeFailure.noConnection(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertFalse(ExchangeFailure.noConnection(new ProcessingException(new SocketTimeoutException("Connect timed out"))));
        assertFalse(ExchangeFailure.noConnection(new ProcessingException("something else")));
    }

    @Test
    void theRestClientsFailuresReadAsTheJdkClientsDo() {
        assertEquals("unknown host", ExchangeFailure.reason(new ProcessingException(new UnknownHostException("numbers-api")), 800));
        assertEquals("connection refused", ExchangeFailure.reason(new ProcessingException(new ConnectException("refused")), 800));
        assertEquals("no answer within 800 ms", ExchangeFailure.reason(new ProcessingException(new SocketTimeoutException("Read timed out")), 800));
        assertEquals("TLS failed", ExchangeFailure.reason(new ProcessingException(new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message")), 800));
        assertEquals("connection failed: closed by the server",
                ExchangeFailure.describe(new ProcessingException("RESTEASY004655", new IOException("closed by the server")), 800));
    }
}
