package org.apache.http.conn;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * The type Liberty's Rest Client (RESTEasy on Apache HttpClient) throws for a connect timeout, with the
 * same name and cause: inside Liberty the app cannot load it, and ExchangeFailure knows it by name.
 */
public class ConnectTimeoutException extends InterruptedIOException {

    public ConnectTimeoutException() {
        super("Connect to numbers-api:9080 failed: Connect timed out");
        initCause(new SocketTimeoutException("Connect timed out"));
    }
}
