package dev.numbers.it.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that accepts connections and never answers: the failure a client without a time bound hangs
 * on. It counts the connections, and how many were open at once, which is how a test sees from outside
 * whether a client's requests overlap.
 */
final class HungServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpenAtOnce = new AtomicInteger();

    HungServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "hung-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                mostOpenAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread watcher = new Thread(() -> countWhenClosed(socket), "hung-server-connection");
                watcher.setDaemon(true);
                watcher.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Reads, and discards, what the client sends until it closes its side. */
    private void countWhenClosed(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            byte[] sink = new byte[1024];
            while (in.read(sink) >= 0) {
                // the request, never answered
            }
        } catch (IOException closed) {
            // the client reset the connection: closed as well
        } finally {
            open.decrementAndGet();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return held.size();
    }

    int mostOpenAtOnce() {
        return mostOpenAtOnce.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
