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

    /**
     * Wraps the connected socket in TLS and shakes hands. The TLS layer reads the network several times
     * per handshake and per record, each with the whole socket timeout, so the probe's per-read timeout
     * cannot bound it: a server trickling a byte a second would stretch a 2 s check for minutes. A guard
     * thread closes the socket at the deadline instead.
     */
    static Socket wrap(Socket plain, Target target, long deadlineNanos) throws IOException {
        DeadlineGuard guard = new DeadlineGuard(plain, deadlineNanos);
        Thread thread = new Thread(guard, "probe-tls-deadline");
        thread.setDaemon(true);
        thread.start();
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, target.host, target.port, true);
        plain.setSoTimeout(HttpCheck.remainingMillis(deadlineNanos));
        socket.startHandshake();
        return socket;
    }

    static boolean isTlsFailure(IOException e) {
        return e.getClass().getName().startsWith("javax.net.ssl.") || e instanceof SSLException;
    }

    /** Closes a socket when the deadline has passed; the check's own end closes it first otherwise. */
    private static final class DeadlineGuard implements Runnable {
        private final Socket socket;
        private final long deadlineNanos;

        DeadlineGuard(Socket socket, long deadlineNanos) {
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            try {
                long left;
                while (!socket.isClosed() && (left = deadlineNanos - System.nanoTime()) > 0) {
                    Thread.sleep(Math.min(left / 1_000_000 + 1, 50));
                }
                socket.close();
            } catch (InterruptedException | IOException e) {
                // the check is over either way
            }
        }
    }
}
