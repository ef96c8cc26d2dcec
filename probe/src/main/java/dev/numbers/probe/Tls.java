package dev.numbers.probe;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.Socket;

/** TLS for https URLs, kept apart so that plain http checks never load the TLS classes. */
final class Tls {

    private Tls() {
    }

    static Socket wrap(Socket plain, Target target, int timeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, target.host, target.port, true);
        plain.setSoTimeout(timeoutMillis);
        socket.startHandshake();
        return socket;
    }

    static boolean isTlsFailure(IOException e) {
        return e.getClass().getName().startsWith("javax.net.ssl.") || e instanceof SSLException;
    }
}
