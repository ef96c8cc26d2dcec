package dev.numbers.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** A TCP connect to host:port within the deadline: for dependencies that speak no HTTP. */
final class TcpCheck implements Check {

    private final String host;
    private final int port;

    TcpCheck(String host, int port) {
        this.host = host;
        this.port = port;
    }

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
            socket.connect(HostLookup.resolve(host, port, deadlineNanos), HttpCheck.remainingMillis(deadlineNanos));
            return new Result(true, "UP " + name + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (UnknownHostException e) {
            return down(name, start, "unknown host " + host);
        } catch (ConnectException e) {
            return down(name, start, "connection refused");
        } catch (SocketTimeoutException | HttpCheck.DeadlineException e) {
            return down(name, start, "timeout");
        } catch (IOException e) {
            return down(name, start, "I/O error: " + e.getMessage());
        }
    }

    private static Result down(String name, long start, String why) {
        return new Result(false, "DOWN " + name + " " + (System.nanoTime() - start) / 1_000_000 + " ms: " + why);
    }
}
