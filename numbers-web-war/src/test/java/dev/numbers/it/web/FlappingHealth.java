package dev.numbers.it.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in service whose MicroProfile Health flips between UP and DOWN on every read, the worst
 * flapping there is. It counts the reads, and how many were in flight at once.
 */
final class FlappingHealth implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    FlappingHealth() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/health", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                boolean up = reads.incrementAndGet() % 2 == 1;
                String status = up ? "UP" : "DOWN";
                byte[] body = ("{\"status\":\"" + status + "\",\"checks\":[{\"name\":\"coin\",\"status\":\"" + status
                        + "\",\"data\":{\"read\":" + reads.get() + "}}]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(up ? 200 : 503, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int reads() {
        return reads.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
