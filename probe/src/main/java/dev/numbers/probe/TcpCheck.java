package dev.numbers.probe;

import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;

/** A TCP connect to host:port within the deadline: for dependencies that speak no HTTP. */
record TcpCheck(String host, int port) implements Check {

    static TcpCheck parse(String hostPort) throws UsageException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new UsageException("--tcp takes host:port, not '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpCheck(host, Numbers.parsePort(hostPort.substring(colon + 1), "--tcp " + hostPort));
    }

    @Override
    public Result run(long deadlineNanos) {
        long start = System.nanoTime();
        String name = "tcp://" + host + ":" + port;
        // NO_PROXY: a health check goes straight to its target, and skips loading the proxy machinery.
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(HostLookup.resolve(host, port, deadlineNanos), Deadline.remainingMillis(deadlineNanos));
            return new Result(true, "UP " + name + " " + Deadline.millisSince(start) + " ms");
        } catch (IOException e) {
            return Result.down(name, start, Result.why(e, host));
        }
    }
}
