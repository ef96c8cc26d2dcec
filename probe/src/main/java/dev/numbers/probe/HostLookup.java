package dev.numbers.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name within the check's deadline. The system resolver has its own timeouts and
 * retries (seconds each), so a name lookup runs on a daemon thread that the check stops waiting for at
 * the deadline. IP literals need no lookup and no thread.
 */
final class HostLookup extends Thread {

    private final String host;
    /** The address, or the UnknownHostException; null while the lookup runs. */
    private volatile Object answer;

    private HostLookup(String host) {
        super("probe-lookup");
        this.host = host;
        setDaemon(true);
    }

    static InetSocketAddress resolve(String host, int port, long deadlineNanos) throws IOException {
        if (isLiteral(host)) {
            return new InetSocketAddress(host, port);
        }
        if ("localhost".equalsIgnoreCase(host)) {
            // Every container's health check asks itself at localhost: the loopback address needs no
            // lookup, and the check no thread.
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        HostLookup lookup = new HostLookup(host);
        lookup.start();
        try {
            lookup.join(Deadline.remainingMillis(deadlineNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deadline.Passed();
        }
        if (lookup.answer instanceof UnknownHostException unknown) {
            throw unknown;
        }
        if (!(lookup.answer instanceof InetAddress address)) {
            throw new Deadline.Passed();
        }
        return new InetSocketAddress(address, port);
    }

    /** An IPv4 dotted quad or an IPv6 address: InetSocketAddress parses those without asking DNS. */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    @Override
    public void run() {
        try {
            answer = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            answer = e;
        } catch (RuntimeException e) {
            answer = new UnknownHostException(host + ": " + e.getMessage());
        }
    }
}
