package dev.numbers.web.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
